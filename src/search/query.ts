/**
 * Query handling shared by the search box (browser) and the search tests (Node): cleans the
 * reader's text, decides which language indexes to ask, and rewrites the query for each one
 * (Traditional → Simplified Chinese, Korean particles and missing spaces, English spelling
 * variants and typos, readers' own words → the site's terms). Pure functions, no DOM.
 */
import type { Locale } from '../model/locales.ts';
import { synonyms } from './synonyms.ts';

/** Per-locale data generated at build time (`/search-data/<locale>.json`). */
export interface SearchData {
  locale: Locale;
  /** article key → what a result shows in this locale */
  articles: Record<string, { title: string; kind: 'reason' | 'fix' | 'guide'; href: string; summary: string }>;
  /**
   * words (ko: stems without particles) that occur in this locale's articles; used to split
   * spaceless Korean and to correct English typos. Served separately (/search-data/<l>.words.json)
   * and loaded only when a query needs it.
   */
  vocab?: string[];
  /** zh only: Traditional character → Simplified, for characters that occur in the zh articles */
  t2s?: Record<string, string>;
}

export const MAX_QUERY = 200;

/** Make any input safe and comparable: text only, no controls, NFKC, trimmed, bounded. */
export function cleanQuery(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  return raw
    .normalize('NFKC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff0-\uffff]/g, ' ')
    .replace(/[<>{}\[\]\\`|^"“”「」『』《》【】]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY)
    .trim();
}

const HANGUL = /[\uac00-\ud7a3]/;
const KANA = /[\u3040-\u30ff]/;
const HAN = /[\u3400-\u9fff]/;
const LATIN = /[a-z]/i;

/** Which language indexes a query should be run against, current locale first. */
export function localesFor(query: string, current: Locale): Locale[] {
  const out: Locale[] = [current];
  const add = (l: Locale) => out.includes(l) || out.push(l);
  if (HANGUL.test(query)) add('ko');
  if (KANA.test(query)) add('ja');
  if (HAN.test(query)) {
    if (KANA.test(query)) add('ja');
    else {
      add('zh');
      add('ja');
    }
  }
  if (LATIN.test(query)) add('en');
  return out;
}

// Korean particles and common endings, longest first. Removed from the end of a word so that
// 신분증이 / 신분증을 / 만료됐어요 find 신분증 / 만료.
const KO_ENDINGS = [
  '되었어요', '되었습니다', '됐습니다', '됐어요', '되어요', '돼요', '됩니다', '되나요', '되는데', '되요', '된다고', '된다', '됐는데', '됐다', '되고', '되면', '되서', '돼서',
  '했어요', '했습니다', '합니다', '해요', '하나요', '하는데', '하면', '하고', '했는데', '했다', '한다', '해서', '하기', '할', '한',
  '한가요', '인가요', '할까요', '일까요', '가요', '까요', '나요', '한데', '해도', '하려면', '하는', '하는법', '하는 법',
  '에서는', '으로는', '에는', '에도', '이라고', '라고', '한테', '이랑', '는데요', '인데요', '했는데요', '되는데요',
  '이에요', '예요', '입니다', '이요', '에서', '에게', '으로', '부터', '까지', '처럼', '이랑', '하고', '이나', '나요', '는데', '어요', '아요',
  '이', '가', '은', '는', '을', '를', '에', '의', '도', '만', '로', '과', '와', '요', '된', '될', '돼', '됨', '함', '임', '다',
];

export function koreanStem(word: string): string {
  for (let pass = 0; pass < 2; pass++) {
    const ending = KO_ENDINGS.find((e) => word.length - e.length >= 2 && word.endsWith(e));
    if (!ending) break;
    word = word.slice(0, -ending.length);
  }
  return word;
}

/** Split a Korean word written without spaces into known stems (신분증만료 → 신분증 만료). */
export function splitKorean(word: string, vocab: Set<string>, prefixes: Set<string>): string[] {
  const n = word.length;
  if (n < 4) return [word];
  // best[i] = fewest pieces covering word[0..i)
  const best: (string[] | undefined)[] = new Array(n + 1);
  best[0] = [];
  for (let i = 0; i < n; i++) {
    if (!best[i]) continue;
    for (let j = Math.min(n, i + 8); j >= i + 2; j--) {
      const piece = word.slice(i, j);
      const stem = koreanStem(piece);
      if (vocab.has(piece) || vocab.has(stem) || (j === n && prefixes.has(piece))) {
        const candidate = [...best[i]!, vocab.has(piece) ? piece : stem];
        if (!best[j] || best[j]!.length > candidate.length) best[j] = candidate;
      }
    }
  }
  return best[n] && best[n]!.length > 1 ? best[n]! : [word];
}

/** Damerau-Levenshtein distance, bounded (returns max+1 when further). */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length]![b.length]!;
}

/** A Latin word the index does not know → the closest known word (typos, UK/US spelling). */
export function correctWord(word: string, vocab: string[], known: Set<string>): string {
  const w = word.toLowerCase();
  if (w.length < 4 || known.has(w) || vocab.some((v) => v.startsWith(w))) return word;
  const max = w.length >= 8 ? 2 : 1;
  let best = word;
  let bestD = max + 1;
  for (const v of vocab) {
    if (Math.abs(v.length - w.length) > max) continue;
    const dist = editDistance(w, v, max);
    if (dist < bestD) {
      best = v;
      bestD = dist;
    }
  }
  return best;
}

/** Replace readers' own words with the site's terms (and add the term, keeping the original). */
export function applySynonyms(query: string, locale: Locale): string {
  let out = query;
  for (const [from, to] of synonyms[locale]) {
    if (!out.toLowerCase().includes(from.toLowerCase())) continue;
    // A kana reading is replaced by its kanji (the reading itself matches nothing useful);
    // any other reader's word stays and the site's term is added.
    if (/^[\u3040-\u30ff]+$/.test(from) && !/^[\u30a0-\u30ff]+$/.test(to)) out = out.split(from).join(' ' + to + ' ');
    else out += ' ' + to;
  }
  return out;
}

/** The locales whose own script the query is written in (their matches rank first). */
export function nativeLocales(query: string): Locale[] {
  const out: Locale[] = [];
  if (HANGUL.test(query)) out.push('ko');
  if (KANA.test(query)) out.push('ja');
  else if (HAN.test(query)) out.push('zh', 'ja');
  if (LATIN.test(query) && !out.length) out.push('en');
  return out;
}

const toKatakana = (s: string) => s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
const toHiragana = (s: string) => s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

/**
 * Japanese readers often type a word in kana: a hiragana loanword (ちぇっくりすと) is added in
 * katakana, and katakana readings are matched like hiragana ones (キゲンギレ → きげんぎれ → 有効期限).
 */
export function kanaVariants(query: string): string {
  const extra: string[] = [];
  for (const word of query.split(/\s+/)) {
    // A hiragana word of 3+ kana may be a loanword typed in hiragana: try it in katakana.
    if (/^[\u3041-\u3096ー]{3,}$/.test(word)) extra.push(toKatakana(word));
    // A katakana word may be a reading typed in katakana: only its synonym is added (below).
    if (/^[\u30a1-\u30f6ー]{3,}$/.test(word)) {
      const reading = toHiragana(word);
      const hit = synonyms.ja.find(([from]) => from === reading);
      if (hit) extra.push(hit[1]);
    }
  }
  return extra.length ? `${query} ${extra.join(' ')}` : query;
}

/**
 * The query to run against `locale`'s index, given the cleaned reader text. `data` is that
 * locale's search data; `english` (optional) supplies the Latin vocabulary for typo correction.
 */
export function rewriteFor(query: string, locale: Locale, data: SearchData | undefined, english?: SearchData): string {
  let q = query;
  if (locale === 'zh' && data?.t2s) q = [...q].map((c) => data.t2s![c] ?? c).join('');
  if (locale === 'ja') q = kanaVariants(q);
  q = applySynonyms(q, locale);
  if (locale === 'ko' && data?.vocab) {
    const vocab = new Set(data.vocab);
    const prefixes = new Set<string>();
    for (const v of data.vocab) for (let i = 2; i < v.length; i++) prefixes.add(v.slice(0, i));
    q = q
      .replace(/[?!.,;:~…·'"()（）]+/g, ' ')
      .split(/\s+/)
      .flatMap((w) => (HANGUL.test(w) ? splitKorean(koreanStem(w), vocab, prefixes).map((p) => koreanStem(p)) : [w]))
      .join(' ');
  }
  const latin = english ?? (locale === 'en' ? data : undefined);
  if (latin?.vocab && LATIN.test(q)) {
    const latinVocab = latin.vocab.filter((v) => /^[a-z]+$/.test(v));
    const known = new Set(latinVocab);
    q = q.replace(/[A-Za-z]{4,}/g, (w) => correctWord(w, latinVocab, known));
  }
  return q;
}

// Words that carry no meaning for finding an article. Dropped before the per-word search.
const STOPWORDS: Record<Locale, Set<string>> = {
  en: new Set('a an and are as at be been but by can cant could did didnt do does dont for from get got had has have how i im is it its ive just me my no not now of on or please says said so still that the then there this to too try tried up us was we what when where which why will with you your binance kyc verification verify keeps keep anything something really'.split(' ')),
  zh: new Set('的 了 吗 呢 吧 啊 我 你 是 在 有 和 就 都 也 还 说 要 会 能 可以 怎么 怎么办 怎样 如何 什么 为什么 哪里 哪儿 办 一直 已经 没有 没 不 这 那 个 被 把 给 让 用 该 应该 需要 请问 币安 币安的'.split(' ')),
  ja: new Set('の は が を に で と も た て です ます でした ました か な よ ね から まで へ や この その あの こと もの する した して いる ない なった なる 言われ 言われた 出る 出た binance バイナンス'.split(' ')),
  ko: new Set('이 가 은 는 을 를 에 의 도 와 과 요 어떻게 왜 뭐 뭔가요 무슨 어디 언제 좀 제 내 저 나 그 이거 그거 바이낸스 binance 했는데 하는데 해요 돼요 되요 안 수 것 거 건가요 있나요 없나요 하나요 되나요 해야 하면 되면 있어요 없어요 할까요 알려 주세요'.split(' ')),
};

const SEGMENT_LANG: Record<Locale, string> = { en: 'en', zh: 'zh', ja: 'ja', ko: 'ko' };

/**
 * Field score: how well the query's words match an article's title and summary (description,
 * symptom, on-screen messages) — the short texts readers paste or paraphrase. Pagefind ranks by
 * body text; this puts the article whose title says the problem first.
 */
export function fieldScores(terms: string[], data: SearchData): Map<string, number> {
  const entries = Object.entries(data.articles).map(([key, a]) => [key, a.title.toLowerCase(), a.summary.toLowerCase()] as const);
  const n = entries.length || 1;
  const scores = new Map<string, number>();
  // Each word counts by how rare it is among the articles; a word no article has counts as the
  // rarest (so a query of unknown words cannot make a common word look decisive). The result is
  // the share of the query's information found in the title (full) or summary (half): 0..1.
  let total = 0;
  for (const term of terms) {
    const stem = /^[a-z]+$/.test(term) && term.length > 4 ? term.replace(/(ing|ed|es|s)$/, '') : term;
    const has = (text: string) => (/^[a-z]+$/.test(stem) ? new RegExp(`\\b${stem}`).test(text) : text.includes(stem));
    const hits = entries.filter(([, title, summary]) => has(title) || has(summary));
    const idf = Math.log(1 + n / Math.max(hits.length, 1));
    total += idf;
    for (const [key, title] of hits) scores.set(key, (scores.get(key) ?? 0) + idf * (has(title) ? 1 : 0.5));
  }
  for (const [key, v] of scores) scores.set(key, total > 0 ? v / total : 0);
  return scores;
}

/** The meaningful words of a (rewritten) query, as Pagefind would split them, stopwords removed. */
export function termsOf(query: string, locale: Locale): string[] {
  const seg = new Intl.Segmenter(SEGMENT_LANG[locale], { granularity: 'word' });
  const out: string[] = [];
  for (const { segment, isWordLike } of seg.segment(query.toLowerCase())) {
    if (!isWordLike) continue;
    const w = segment.trim();
    if (!w || STOPWORDS[locale].has(w) || (/^[a-z]+$/.test(w) && w.length < 2) || /^\d+$/.test(w)) continue;
    if (/^[\u3040-\u30ff]$/.test(w)) continue; // a single kana is a grammatical fragment, not a word
    if (!out.includes(w)) out.push(w);
  }
  return out.slice(0, 10);
}
