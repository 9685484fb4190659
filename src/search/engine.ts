/**
 * Search across the four language indexes, shared by the browser and the Node tests.
 *
 * The current page's index is always searched; another language's index is searched only when
 * the query is written in its script (Hangul → ko, kana → ja, Han → zh + ja, Latin → en), so most
 * searches load one index. Results are merged per article: a match in another language is shown
 * as the current language's version of the same article (it exists in every language) and says
 * which language matched. How a Pagefind instance is created is injected (`PagefindFactory`).
 */
import type { Locale } from '../model/locales.ts';
import { cleanQuery, fieldScores, localesFor, nativeLocales, rewriteFor, termsOf, type SearchData } from './query.ts';

/** The parts of Pagefind's instance API we use. */
export interface PagefindInstance {
  search(term: string): Promise<{ results: { id: string; score: number; data(): Promise<PagefindResultData> }[] } | null>;
}
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  sub_results?: { title: string; url: string; excerpt: string }[];
}
export type PagefindFactory = (locale: Locale) => Promise<PagefindInstance>;
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
  excerpt: string; // Pagefind excerpt: plain text with <mark>…</mark> only
  score: number;
}

/** `/zh/reasons/photo-quality/#fix` → `reasons/photo-quality` */
export function keyOf(url: string): string | undefined {
  const m = /^\/(?:en|zh|ja|ko)\/((?:reasons|fixes|guides)\/[a-z0-9-]+)\//.exec(url);
  return m?.[1];
}

/** How many results' texts (Pagefind fragments) to download from the page's language and from others. */
const CURRENT_DEPTH = 6;
const OTHER_DEPTH = 4;

/** How much the title/summary match counts next to the body ranking (best body match = 1). */
const FIELD_WEIGHT = 1;

type PagefindResult = NonNullable<Awaited<ReturnType<PagefindInstance['search']>>>['results'][number];

/**
 * Pagefind requires every word of a query to match the same page, so a reader's full sentence
 * often finds nothing. We rank pages ourselves: the whole query (all words) scores highest, and
 * each meaningful word adds its own normalised score, weighted by how rare the word is.
 */
async function rankPages(instance: PagefindInstance, term: string, locale: Locale, pages: number) {
  const words = termsOf(term, locale);
  const scores = new Map<string, { score: number; result: PagefindResult; words: number }>();
  const add = (results: PagefindResult[], weight: number, countsAsWord: boolean) => {
    const max = Math.max(...results.map((r) => r.score), 1e-9);
    for (const r of results) {
      const prev = scores.get(r.id);
      const s = weight * (r.score / max);
      if (prev) {
        prev.score += s;
        if (countsAsWord) prev.words++;
      } else scores.set(r.id, { score: s, result: r, words: countsAsWord ? 1 : 0 });
    }
  };
  const whole = words.join(' ');
  if (!whole) return [];
  const all = (await instance.search(whole))?.results ?? [];
  add(all, 3, false);
  // A pasted message: pages containing the exact phrase first (Pagefind matches quoted phrases
  // for space-separated scripts).
  const phrase = term.replace(/["“”]/g, ' ').trim();
  if (words.length >= 2 && /^[\p{Script=Latin}\p{Script=Hangul}\s\d.,!?'’-]+$/u.test(phrase)) {
    add((await instance.search(`"${phrase}"`))?.results ?? [], 3, false);
  }
  if (words.length > 1) {
    const each = await Promise.all(words.map((w) => instance.search(w)));
    each.forEach((found) => {
      const results = found?.results ?? [];
      if (results.length === 0) return;
      add(results, Math.log(1 + (4 * Math.max(pages, 1)) / results.length), true);
    });
  }
  // Pages that match more of the reader's words rank higher (coordination).
  return [...scores.values()]
    .map((v) => ({ ...v, score: v.score * (1 + v.words / Math.max(words.length, 1)) }))
    .sort((a, b) => b.score - a.score);
}


/**
 * Search `raw` from a page in `current`. The word lists (`loadWords`) are fetched only when
 * needed: Korean words of four or more syllables may be several words written without spaces;
 * an English query is first run as typed and corrected for typos only if it found fewer than
 * three articles.
 */
export async function search(raw: string, current: Locale, pagefind: PagefindFactory, loadData: DataLoader, loadWords: WordsLoader, limit = 8): Promise<Hit[]> {
  const query = cleanQuery(raw);
  if (!query) return [];
  const withWords = async (l: Locale): Promise<SearchData> => ({ ...(await loadData(l)), vocab: await loadWords(l) });
  const koData = /[\uac00-\ud7a3]{4,}/.test(query) ? withWords : loadData;
  const first = await searchOnce(query, current, pagefind, koData, undefined, limit);
  if (first.length >= 3 || !/[a-z]{4,}/i.test(query)) return first;
  return searchOnce(query, current, pagefind, koData, await withWords('en'), limit);
}

async function searchOnce(query: string, current: Locale, pagefind: PagefindFactory, loadData: DataLoader, englishData: SearchData | undefined, limit: number): Promise<Hit[]> {
  const targets = localesFor(query, current);
  // Matches in the query's own script rank first; among those, the page's own language.
  const native = nativeLocales(query);
  const boost = (l: Locale) => (native.includes(l) ? 1.5 : 1) * (l === current ? 1.2 : 1);
  const currentData = await loadData(current);

  const searchIn = async (locale: Locale, depth: number) => {
      const data = locale === current ? currentData : await loadData(locale);
      const term = rewriteFor(query, locale, data, englishData);
      const instance = await pagefind(locale);
      const ranked = await rankPages(instance, term, locale, Object.keys(data.articles).length);
      // Each result's text is a separate download (a Pagefind fragment): fetch only the top ones.
      const top = ranked.slice(0, depth);
      const datas = await Promise.all(top.map((r) => r.result.data()));
      // Combine Pagefind's body ranking with the title/summary match, both normalised to 0..1.
      const fields = fieldScores(termsOf(term, locale), data);
      const maxBody = Math.max(...top.map((r) => r.score), 1e-9);
      const combined = new Map<string, { d?: PagefindResultData; score: number }>();
      datas.forEach((d, i) => {
        const key = keyOf(d.url);
        if (key) combined.set(key, { d, score: top[i]!.score / maxBody });
      });
      for (const [key, f] of fields) {
        const prev = combined.get(key) ?? { score: 0 };
        combined.set(key, { ...prev, score: prev.score + FIELD_WEIGHT * f });
      }
      return [...combined.entries()].map(([key, { d, score }]) => ({
        key,
        d: d ?? { url: data.articles[key]!.href, excerpt: escapeText(data.articles[key]!.summary.slice(0, 160)), meta: { title: data.articles[key]!.title, kind: data.articles[key]!.kind } },
        score: score * boost(locale),
        locale,
      }));
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
  for (const { key, d, score, locale } of perLocale.flat()) {
    const own = currentData.articles[key];
    const hit: Hit = own
      ? { key, title: own.title, kind: own.kind, href: own.href, locale: current, matchedIn: locale, excerpt: d.excerpt, score }
      : { key, title: d.meta.title ?? key, kind: (d.meta.kind as Hit['kind']) ?? 'guide', href: d.url, locale, matchedIn: locale, excerpt: d.excerpt, score };
    // A match in the page's own language gives the better excerpt; otherwise keep the best score.
    const prev = byKey.get(key);
    if (!prev) byKey.set(key, hit);
    else {
      const better = hit.score > prev.score ? hit : prev;
      byKey.set(key, { ...better, score: prev.score + hit.score * 0.25, excerpt: prev.matchedIn === current ? prev.excerpt : hit.matchedIn === current ? hit.excerpt : better.excerpt, matchedIn: prev.matchedIn === current || hit.matchedIn === current ? current : better.matchedIn });
    }
  }
  return [...byKey.values()].sort((a, b) => b.score - a.score).slice(0, limit);
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export { excerptRuns } from './excerpt.ts';
