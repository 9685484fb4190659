/**
 * Search across the four language indexes, shared by the browser and the Node tests.
 *
 * The current page's index is always searched; another language's index is searched only when
 * the query is written in its script (Hangul → ko, kana → ja, Han → zh + ja, Latin → en), so most
 * searches load one index. Results are merged per article: a match in another language is shown
 * as the current language's version of the same article (it exists in every language) and says
 * which language matched. How an index is opened is injected (`IndexFactory`, src/search/pagefind.ts).
 */
import { localeKeys, type Locale } from '../model/locales.ts';
import type { LanguageIndex, PageHit } from './index-reader.ts';
import type { IndexFactory } from './pagefind.ts';
import { cleanQuery, fieldScores, localesFor, nativeLocales, rewriteFor, roughStem, termsOf, wordsOf, type SearchData } from './query.ts';

export type DataLoader = (locale: Locale) => Promise<SearchData>;
export type WordsLoader = (locale: Locale) => Promise<string[]>;

/** Ranking options, the same in the browser and in the tests. */
export const ranking = { termFrequency: 0.4, pageLength: 0.3, termSaturation: 1.4, termSimilarity: 9, metaWeights: { title: 6, description: 3, symptom: 3 } };

export interface Hit {
  key: string; // reasons/photo-quality
  title: string;
  kind: 'reason' | 'fix' | 'guide';
  href: string; // in the current locale when the article exists there
  locale: Locale; // the language of the page the link opens
  matchedIn: Locale; // the language whose index matched
  excerpt: string; // escaped text with <mark>…</mark> only (see excerptRuns)
  score: number;
}

/** `/zh/reasons/photo-quality/#fix` → `reasons/photo-quality` */
const ARTICLE_URL = new RegExp(`^/(?:${localeKeys.join('|')})/((?:reasons|fixes|guides)/[a-z0-9-]+)/`);
export function keyOf(url: string): string | undefined {
  return ARTICLE_URL.exec(url)?.[1];
}

/** How much the title/summary match counts next to the body ranking (best body match = 1). */
const FIELD_WEIGHT = 1;

/** How many body-ranked pages of the page's language, and of another language, are combined with the field match. */
const CURRENT_DEPTH = 6;
const OTHER_DEPTH = 4;

/**
 * Pagefind's matching requires every word of a query on the same page, so a reader's full
 * sentence often finds nothing. We rank pages ourselves: the whole query (all words) scores
 * highest, and each meaningful word adds its own normalised score, weighted by how rare it is.
 * Returns page numbers of `locale`'s index with scores.
 */
async function rankPages(index: LanguageIndex, term: string, locale: Locale) {
  const words = termsOf(term, locale);
  const scores = new Map<number, { score: number; words: number }>();
  const add = (results: PageHit[], weight: number, countsAsWord: boolean) => {
    const max = Math.max(...results.map((r) => r.score), 1e-9);
    for (const r of results) {
      const prev = scores.get(r.page);
      const s = weight * (r.score / max);
      if (prev) {
        prev.score += s;
        if (countsAsWord) prev.words++;
      } else scores.set(r.page, { score: s, words: countsAsWord ? 1 : 0 });
    }
  };
  const whole = words.join(' ');
  if (!whole) return [];
  add(await index.search(whole), 3, false);
  // A pasted message: pages containing the exact phrase first (space-separated scripts only).
  const phrase = term.replace(/["“”]/g, ' ').trim();
  if (words.length >= 2 && /^[\p{Script=Latin}\p{Script=Hangul}\s\d.,!?'’-]+$/u.test(phrase)) {
    add(await index.phrase(phrase), 3, false);
  }
  let units = words.length;
  if (words.length > 1) {
    // Two adjacent words that the articles also use side by side ("driver's licence", "id card")
    // are one concept: they count once, for the pages that have both.
    const concepts: string[] = [];
    const order = wordsOf(term, locale);
    for (let i = 0; i < order.length; i++) {
      const [a, b] = [order[i]!, order[i + 1]];
      const spaced = (w: string) => /^[\p{Script=Latin}\p{Script=Hangul}\d'’]+$/u.test(w);
      if (b && words.includes(a) && words.includes(b) && spaced(a) && spaced(b) && (await index.phrase(`${a} ${b}`)).length > 0) {
        concepts.push(`${a} ${b}`);
        i++;
      } else if (words.includes(a) && !concepts.some((c) => c.split(' ').includes(a))) concepts.push(a);
    }
    for (const w of words) if (!concepts.some((c) => c.split(' ').includes(w))) concepts.push(w);
    units = concepts.length;
    const each = await Promise.all(concepts.map((w) => index.search(w)));
    for (const results of each) {
      if (results.length === 0) continue;
      add(results, Math.log(1 + (4 * Math.max(index.pageCount, 1)) / results.length), true);
    }
  }
  // Pages that match more of the reader's words rank higher (coordination).
  return [...scores.entries()]
    .map(([page, v]) => ({ page, score: v.score * (1 + v.words / Math.max(units, 1)) }))
    .sort((a, b) => b.score - a.score);
}

/**
 * Search `raw` from a page in `current`. The word lists (`loadWords`) are fetched only when
 * needed: Korean words of four or more syllables may be several words written without spaces;
 * English and Korean queries are first run as typed and corrected for typos only if they found
 * fewer than three articles.
 */
export async function search(raw: string, current: Locale, indexes: IndexFactory, loadData: DataLoader, loadWords: WordsLoader, limit = 8): Promise<Hit[]> {
  const query = cleanQuery(raw);
  if (!query) return [];
  const withWords = async (l: Locale): Promise<SearchData> => ({ ...(await loadData(l)), vocab: await loadWords(l) });
  const koData = /[\uac00-\ud7a3]{4,}/.test(query) ? withWords : loadData;
  const first = await searchOnce(query, current, indexes, koData, undefined, limit);
  if (first.length >= 3) return first;
  // Few results: maybe a typo. Correct English and Korean words against the articles' words.
  const latin = /[a-z]{4,}/i.test(query);
  const hangul = /[\uac00-\ud7a3]{2,}/.test(query);
  if (!latin && !hangul) return first;
  return searchOnce(query, current, indexes, hangul ? withWords : koData, latin ? await withWords('en') : undefined, limit);
}

async function searchOnce(query: string, current: Locale, indexes: IndexFactory, loadData: DataLoader, englishData: SearchData | undefined, limit: number): Promise<Hit[]> {
  const targets = localesFor(query, current);
  // Matches in the query's own script rank first; among those, the page's own language.
  const native = nativeLocales(query);
  const boost = (l: Locale) => (native.includes(l) ? 1.5 : 1) * (l === current ? 1.2 : 1);
  const currentData = await loadData(current);

  const searchIn = async (locale: Locale, depth: number) => {
    const data = locale === current ? currentData : await loadData(locale);
    const term = rewriteFor(query, locale, data, englishData);
    const terms = termsOf(term, locale);
    const top = (await rankPages(await indexes(locale), term, locale)).slice(0, depth);
    // Combine the body ranking with the title/summary match, both normalised to 0..1.
    const fields = fieldScores(terms, data);
    const maxBody = Math.max(...top.map((r) => r.score), 1e-9);
    const combined = new Map<string, number>();
    for (const r of top) {
      const key = data.pages?.[r.page];
      if (key && data.articles[key]) combined.set(key, r.score / maxBody);
    }
    for (const [key, f] of fields) combined.set(key, (combined.get(key) ?? 0) + FIELD_WEIGHT * f);
    return [...combined.entries()].map(([key, score]) => ({ key, score: score * boost(locale), locale, excerpt: excerptFor(data.articles[key]!.texts, terms, locale) }));
  };

  // Every index costs a download, so ask as few as needed: first the page's language and, when
  // the query is written in another script, that script's first language; the others (e.g.
  // Japanese for a Chinese query) only when that found fewer than three articles.
  // A query of Chinese characters only, on a Japanese page, may be Chinese or Japanese: ask both.
  const hanOnly = native.includes('zh') && native.includes('ja');
  const first = [current, ...(native.includes(current) ? (current === 'ja' && hanOnly ? ['zh' as const] : []) : native.slice(0, 1))];
  const perLocale = await Promise.all(first.map((l) => searchIn(l, l === current ? CURRENT_DEPTH : OTHER_DEPTH)));
  const rest = targets.filter((l) => !first.includes(l));
  if (rest.length > 0 && new Set(perLocale.flat().map((h) => h.key)).size < 3) {
    perLocale.push(...(await Promise.all(rest.map((l) => searchIn(l, OTHER_DEPTH)))));
  }

  const byKey = new Map<string, Hit>();
  for (const { key, score, locale, excerpt } of perLocale.flat()) {
    // Every article exists in every language: the result opens the reader's own version.
    const own = currentData.articles[key];
    if (!own) continue;
    const hit: Hit = { key, title: own.title, kind: own.kind, href: own.href, locale: current, matchedIn: locale, excerpt, score };
    // The same article matched in several languages: the later matches add a quarter of their score, and
    // the excerpt shown is the one that shows what matched — the page's own language when its
    // excerpt has a marked word, else another language's marked excerpt (labelled with that
    // language), else the page's own text.
    const prev = byKey.get(key);
    if (!prev) byKey.set(key, hit);
    else {
      const rank = (h: Hit) => (h.excerpt.includes('<mark>') ? 2 : 0) + (h.matchedIn === current ? 1 : 0);
      const shown = rank(hit) > rank(prev) ? hit : prev;
      byKey.set(key, { ...shown, score: prev.score + hit.score * 0.25 });
    }
  }
  return [...byKey.values()].sort((a, b) => b.score - a.score).slice(0, limit);
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The excerpt of a result: the article text that contains most of the query's words (its
 * on-screen messages come first, then symptom and description), with those words marked, cut
 * to about 160 characters around the first one. Escaped text plus <mark> only.
 */
export function excerptFor(texts: string[], terms: string[], locale: Locale): string {
  // English words match at a word start and run to the word's end; CJK and Korean match anywhere.
  const patterns = terms.map((t) => (/^[a-z0-9]+$/.test(t) ? `\\b${escapeRegExp(roughStem(t))}[a-z]*` : escapeRegExp(t)));
  const re = patterns.length ? new RegExp(patterns.join('|'), 'giu') : undefined;
  let best = texts[0] ?? '';
  let bestCount = 0;
  for (const text of texts) {
    const found = new Set(re ? [...text.matchAll(re)].map((m) => m[0].toLowerCase()) : []);
    if (found.size > bestCount) [best, bestCount] = [text, found.size];
  }
  if (!re || bestCount === 0) return escapeText(best.length > 160 ? best.slice(0, 159) + '…' : best);
  const first = best.search(re);
  // Start about 60 characters before the first match (at a space where words have spaces).
  const spaced = locale === 'en' || locale === 'ko';
  const start = first > 80 ? Math.max(spaced ? best.lastIndexOf(' ', first - 60) : first - 60, 0) : 0;
  const cut = (start > 0 ? '…' : '') + best.slice(start, start + 160) + (start + 160 < best.length ? '…' : '');
  let out = '';
  let last = 0;
  for (const m of cut.matchAll(re)) {
    out += escapeText(cut.slice(last, m.index)) + '<mark>' + escapeText(m[0]) + '</mark>';
    last = m.index! + m[0].length;
  }
  return out + escapeText(cut.slice(last));
}

export { excerptRuns } from './excerpt.ts';
