/**
 * Query handling shared by the search box (browser) and the search tests (Node): cleans the
 * reader's text, decides which language indexes to ask, and rewrites the query for each one
 * (Traditional → Simplified Chinese, Korean particles and missing spaces, English spelling
 * variants and typos, readers' own words → the site's terms). Pure functions, no DOM.
 */
import { locales, type Locale } from '../model/locales.ts';
import { spellings, synonyms } from './synonyms.ts';

/** Per-locale data generated at build time (`/search-data/<locale>.json`). */
export interface SearchData {
  locale: Locale;
  /** article key → what a result shows in this locale */
  articles: Record<string, { title: string; kind: 'reason' | 'fix' | 'guide'; href: string; texts: string[] }>;
  /** Pagefind's page number → article key in this locale's index (written after Pagefind runs). */
  pages?: string[];
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
  '됐거나', '되거나', '하거나', '거나', '되었어요', '되었습니다', '됐습니다', '됐어요', '되어요', '돼요', '됩니다', '되나요', '되는데', '되요', '된다고', '된다', '됐는데', '됐다', '되고', '되면', '되서', '돼서',
  '했어요', '했습니다', '합니다', '해요', '하나요', '하는데', '하면', '하고', '했는데', '했다', '한다', '해서', '하기', '할', '한',
  '한가요', '인가요', '할까요', '일까요', '가요', '까요', '나요', '한데', '해도', '하려면', '하는', '하는법', '하는 법',
  '에서는', '으로는', '에는', '에도', '이라고', '라고', '한테', '이랑', '는데요', '인데요', '했는데요', '되는데요',
  '이에요', '예요', '입니다', '이요', '에서', '에게', '으로', '부터', '까지', '처럼', '이랑', '하고', '이나', '나요', '는데', '어요', '아요',
  '이', '가', '은', '는', '을', '를', '에', '의', '도', '만', '로', '과', '와', '요', '된', '될', '돼', '됨', '함', '임', '다', '게',
];

export function koreanStem(word: string): string {
  for (let pass = 0; pass < 2; pass++) {
    const ending = KO_ENDINGS.find((e) => word.length - e.length >= 2 && word.endsWith(e));
    if (!ending) break;
    word = word.slice(0, -ending.length);
  }
  return word;
}

/** An English word without its common ending (expired → expir), to match its forms in short texts; other words as they are. */
export function roughStem(word: string): string {
  return /^[a-z]+$/.test(word) && word.length > 4 ? word.replace(/(ing|ed|es|s)$/, '') : word;
}

/** The articles' Korean words, ready for splitting and typo matching (built once per word list). */
export interface KoreanVocab {
  words: Set<string>;
  /** every beginning (2+ syllables) of a word: 훼손 for 훼손됐거나 */
  prefixes: Set<string>;
  /** words by syllable count, decomposed into jamo (for typos such as 츌금 → 출금) */
  jamo: Map<number, [string, string][]>;
}

const koVocabs = new WeakMap<string[], KoreanVocab>();
export function koreanVocab(list: string[]): KoreanVocab {
  let v = koVocabs.get(list);
  if (!v) {
    // The articles' words, and the readers' words the synonym list knows (셀카, 고객센터).
    const words = new Set([...list, ...synonyms.ko.map(([from]) => from)].filter((w) => HANGUL.test(w) && !/\s/.test(w)));
    const prefixes = new Set<string>();
    const jamo = new Map<number, [string, string][]>();
    for (const w of words) {
      for (let i = 2; i < w.length; i++) prefixes.add(w.slice(0, i));
      if (!jamo.has(w.length)) jamo.set(w.length, []);
      jamo.get(w.length)!.push([w, w.normalize('NFD')]);
    }
    koVocabs.set(list, (v = { words, prefixes, jamo }));
  }
  return v;
}

/** The articles' word closest to a mistyped Korean word (one jamo off), or undefined. */
export function correctKorean(word: string, vocab: KoreanVocab): string | undefined {
  if (word.length < 2) return undefined;
  const nfd = word.normalize('NFD');
  return vocab.jamo.get(word.length)?.find(([, j]) => editDistance(nfd, j, 1) <= 1)?.[0];
}

/**
 * Split a Korean phrase written without spaces into the articles' words
 * (신분증뒷면을안찍어서반려됨 → 신분증 뒷면 찍어서 반려). Dynamic programming over the syllables:
 * a piece of 2–8 syllables is known when it (or its stem) is an article word or a word's
 * beginning, or one jamo away from a word (a typo); a syllable left over (a particle, 안) costs
 * most, a typo more than one left-over syllable. The split with the fewest left-over syllables, then typos, then pieces wins. Left-over
 * syllables are dropped when alone and kept as a word when two or more are adjacent.
 */
export function splitKorean(word: string, vocab: KoreanVocab): string[] {
  const n = word.length;
  if (n < 4) return [word];
  type Step = { cost: number; from: number; piece?: string };
  const best: (Step | undefined)[] = new Array(n + 1);
  best[0] = { cost: 0, from: -1 };
  const relax = (j: number, cost: number, from: number, piece?: string) => {
    if (!best[j] || best[j]!.cost > cost) best[j] = { cost, from, piece };
  };
  for (let i = 0; i < n; i++) {
    const here = best[i];
    if (!here) continue;
    relax(i + 1, here.cost + 100, i); // a left-over syllable
    for (let j = Math.min(n, i + 8); j >= i + 2; j--) {
      const piece = word.slice(i, j);
      const stem = koreanStem(piece);
      if (vocab.words.has(piece) || vocab.words.has(stem)) relax(j, here.cost + 1, i, vocab.words.has(piece) ? piece : stem);
      else if (vocab.prefixes.has(piece)) relax(j, here.cost + 2, i, piece);
      else {
        const fixed = j - i >= 2 ? (correctKorean(piece, vocab) ?? correctKorean(stem, vocab)) : undefined;
        // A typo costs more than one left-over syllable and less than two.
        if (fixed) relax(j, here.cost + 150, i, fixed);
      }
    }
  }
  const out: string[] = [];
  let loose = '';
  const steps: Step[] = [];
  for (let j = n; j > 0; j = best[j]!.from) steps.unshift({ ...best[j]!, from: best[j]!.from });
  const known = steps.filter((st) => st.piece).length;
  if (known === 0 || (known === 1 && steps.length === 1)) return [word];
  for (const st of steps) {
    if (st.piece) {
      if (loose.length >= 2) out.push(loose);
      loose = '';
      out.push(st.piece);
    } else loose += word[st.from];
  }
  if (loose.length >= 2) out.push(loose);
  return out;
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
  // Longest first, so a reading such as じゅうしょしょうめい is replaced before じゅうしょ.
  for (const [from, to] of [...synonyms[locale]].sort((a, b) => b[0].length - a[0].length)) {
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

// A country or region named in the query ("Canada", "加拿大", "カナダ", "캐나다") → the site's word
// for the country article. The names come from the browser's own Intl data: nothing to download.
const COUNTRY_TERM: Record<Locale, string> = { en: 'country', zh: '国家 地区', ja: '国', ko: '국가' };
const countryNames = new Map<string, string[]>();
function countriesIn(lang: string): string[] {
  let names = countryNames.get(lang);
  if (!names) {
    const dn = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    const out = new Set<string>();
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        try {
          const name = dn.of(code);
          if (name && name !== code && name.length >= 2) out.add(name.toLowerCase());
        } catch {
          // not a region code
        }
      }
    }
    countryNames.set(lang, (names = [...out]));
  }
  return names;
}
export function namesCountry(query: string, locale: Locale): boolean {
  const q = query.toLowerCase();
  return [locale, 'en'].some((l) => countriesIn(locales[l as Locale].lang).some((name) => (/^[a-z .'-]+$/.test(name) ? new RegExp(`\\b${name.replace(/[.]/g, '\\.')}\\b`).test(q) : q.includes(name))));
}

// An age under 18 stated in the query ("im 16", "16岁", "16歳", "16살") → the site's word for a minor.
const AGE: Record<Locale, { pattern: RegExp; term: string }> = {
  en: { pattern: /\b(?:i'?m|i am|age[ds]?|aged)\s*(1[0-7]|[1-9])\b|\b(1[0-7]|[1-9])\s*(?:years? old|yo|y\/o)\b|\b(?:not|under|below)\s*18\b/i, term: 'under 18 minor' },
  zh: { pattern: /(?:^|\D)(1[0-7]|[1-9])\s*(?:周岁|岁)|(?:我|才|只有|今年|刚满?)\s*(1[0-7]|[1-9])(?!\d)|(?:未满|没满|不满|不到)\s*18/, term: '未成年' },
  ja: { pattern: /(?:^|\D)(1[0-7]|[1-9])\s*(?:歳|才)|18\s*(?:歳|才)\s*(?:未満|以下|になってない|じゃない)/, term: '未成年' },
  ko: { pattern: /(?:^|\D)(1[0-7]|[1-9])\s*(?:살|세)|18\s*(?:살|세)\s*(?:미만|안 ?됐|아래)/, term: '미성년자' },
};

/**
 * The query to run against `locale`'s index, given the cleaned reader text. `data` is that
 * locale's search data; `english` (optional) supplies the Latin vocabulary for typo correction.
 */
export function rewriteFor(query: string, locale: Locale, data: SearchData | undefined, english?: SearchData): string {
  let q = query;
  if (locale === 'zh' && data?.t2s) q = [...q].map((c) => data.t2s![c] ?? c).join('');
  if (locale === 'ja') q = kanaVariants(q);
  const spelling = spellings[locale];
  if (locale === 'en') q = q.replace(/[A-Za-z]+/g, (w) => spelling[w.toLowerCase()] ?? w);
  else for (const from of Object.keys(spelling).sort((a, b) => b.length - a.length)) q = q.split(from).join(spelling[from]);
  q = applySynonyms(q, locale);
  if (Object.values(AGE).some(({ pattern }) => pattern.test(query))) q += ' ' + AGE[locale].term;
  if (namesCountry(query, locale)) q += ' ' + COUNTRY_TERM[locale];
  if (locale === 'ko' && data?.vocab) {
    const vocab = koreanVocab(data.vocab);
    const known = (w: string) => vocab.words.has(w) || vocab.prefixes.has(w);
    q = q
      .replace(/[?!.,;:~…·'"()（）]+/g, ' ')
      .split(/\s+/)
      .flatMap((w) => {
        if (!HANGUL.test(w)) return [w];
        const stem = koreanStem(w);
        if (known(w) || known(stem)) return [stem];
        if (stem.length >= 4) return splitKorean(stem, vocab).map((p) => koreanStem(p));
        return [correctKorean(stem, vocab) ?? correctKorean(w, vocab) ?? stem];
      })
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
  ko: new Set('이 가 은 는 을 를 에 의 도 와 과 요 어떻게 왜 뭐 뭔가요 무슨 어디 어디서 어디에서 하나 언제 좀 제 내 저 나 그 이거 그거 바이낸스 binance 했는데 하는데 해요 돼요 되요 안 수 것 거 건가요 있나요 없나요 하나요 되나요 해야 하면 되면 있어요 없어요 할까요 알려 주세요'.split(' ')),
};

const ZH_GRAMMAR = /[的了被是在我你他她它就都也还要会能把给让用吗呢吧啊着和与或及而又很太最更一这那个么说]/;

/**
 * Field score: how well the query's words match an article's title and summary (description,
 * symptom, on-screen messages) — the short texts readers paste or paraphrase. Pagefind ranks by
 * body text; this puts the article whose title says the problem first.
 */
export function fieldScores(terms: string[], data: SearchData): Map<string, number> {
  const entries = Object.entries(data.articles).map(([key, a]) => [key, a.title.toLowerCase(), a.texts.join(' ').toLowerCase()] as const);
  const n = entries.length || 1;
  const scores = new Map<string, number>();
  // Each word counts by how rare it is among the articles; a word no article has counts as the
  // rarest (so a query of unknown words cannot make a common word look decisive). The result is
  // the share of the query's information found in the title (full) or summary (half): 0..1.
  let total = 0;
  for (const term of terms) {
    const stem = roughStem(term);
    const has = (text: string) => (/^[a-z]+$/.test(stem) ? new RegExp(`\\b${stem}`).test(text) : text.includes(stem));
    const hits = entries.filter(([, title, summary]) => has(title) || has(summary));
    const idf = Math.log(1 + n / Math.max(hits.length, 1));
    total += idf;
    for (const [key, title] of hits) scores.set(key, (scores.get(key) ?? 0) + idf * (has(title) ? 1 : 0.5));
  }
  for (const [key, v] of scores) scores.set(key, total > 0 ? v / total : 0);
  return scores;
}

/** Every word of a query in order, lowercased, stopwords kept (to find adjacent words). */
export function wordsOf(query: string, locale: Locale): string[] {
  const seg = new Intl.Segmenter(locales[locale].lang, { granularity: 'word' });
  return [...seg.segment(query.toLowerCase())].filter((s) => s.isWordLike).map((s) => s.segment.trim());
}

/** The meaningful words of a (rewritten) query, as Pagefind would split them, stopwords removed. */
export function termsOf(query: string, locale: Locale): string[] {
  const seg = new Intl.Segmenter(locales[locale].lang, { granularity: 'word' });
  const segments = [...seg.segment(query.toLowerCase())].filter((s) => s.isWordLike && s.segment.trim());
  let words = segments.map((s) => s.segment.trim());
  // Chinese: the segmenter leaves words it does not know as single characters (提 现, 币 安).
  // A run of them (adjacent in the text) is joined into overlapping pairs (提现), the way
  // Pagefind indexes Chinese, skipping pairs with a grammatical character (的 了 被 …); a
  // character left alone is dropped unless the query has nothing else.
  if (locale === 'zh') {
    const single = (k: number) => /^[\u3400-\u9fff]$/.test(segments[k]!.segment);
    const next = (k: number) => k + 1 < segments.length && single(k + 1) && segments[k + 1]!.index === segments[k]!.index + 1;
    const joined: string[] = [];
    for (let i = 0; i < segments.length; i++) {
      if (!single(i)) {
        joined.push(words[i]!);
        continue;
      }
      let j = i;
      while (next(j)) j++;
      if (j > i) {
        for (let k = i; k < j; k++) if (!ZH_GRAMMAR.test(words[k]! + words[k + 1]!)) joined.push(words[k]! + words[k + 1]!);
      } else {
        // A lone character next to a word (认证前) pairs with that word's nearest character (证前).
        const touches = (a: number, b: number) => a >= 0 && b < segments.length && segments[a]!.index + segments[a]!.segment.length === segments[b]!.index && /[\u3400-\u9fff]/.test(segments[a === i ? b : a]!.segment);
        const w = words[i]!;
        const pair = ZH_GRAMMAR.test(w) ? undefined : touches(i - 1, i) ? words[i - 1]!.slice(-1) + w : touches(i, i + 1) ? w + words[i + 1]!.slice(0, 1) : undefined;
        joined.push(pair && !ZH_GRAMMAR.test(pair) ? pair : w);
      }
      i = j;
    }
    const isSingle = (w: string) => /^[\u3400-\u9fff]$/.test(w);
    const meaningful = joined.filter((w) => !isSingle(w) && !STOPWORDS.zh.has(w));
    words = meaningful.length >= 2 ? joined.filter((w) => !isSingle(w)) : joined;
  }
  const out: string[] = [];
  for (const w of words) {
    if (!w || STOPWORDS[locale].has(w) || (/^[a-z]+$/.test(w) && w.length < 2) || /^\d+$/.test(w)) continue;
    if (/^[\u3040-\u30ff]$/.test(w)) continue; // a single kana is a grammatical fragment, not a word
    if (!out.includes(w)) out.push(w);
  }
  // Long pasted messages: the site's terms added by rewriteFor come last, so keep enough words.
  return out.slice(0, 16);
}
