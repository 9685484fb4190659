/** The browser side of the search engine: the index files under /pagefind/, search data from /search-data/. Loaded on first intent. */
import type { Locale } from '../model/locales';
import { search, type Hit } from '../search/engine';
import { indexFactory } from '../search/pagefind';
import type { SearchData } from '../search/query';

const bytes = async (url: string) => {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return new Uint8Array(await r.arrayBuffer());
};
// Only the English index is stemmed (as Pagefind stemmed it); its stemmer is a separate chunk.
const factory = indexFactory(
  (path) => bytes(`/pagefind/${path}`),
  async (locale) => (locale === 'en' ? (await import('porter2')).stem : undefined),
);

const json = <T>(url: string) => fetch(url).then((r) => r.json() as Promise<T>);
const data = new Map<Locale, Promise<SearchData>>();
const loadData = (l: Locale) => {
  let p = data.get(l);
  if (!p) data.set(l, (p = json<SearchData>(`/search-data/${l}.json`)));
  return p;
};

const words = new Map<Locale, Promise<string[]>>();
const loadWords = (l: Locale) => {
  let p = words.get(l);
  if (!p) words.set(l, (p = json<{ vocab: string[] }>(`/search-data/${l}.words.json`).then((d) => d.vocab)));
  return p;
};

export function warm(locale: Locale) {
  return Promise.all([factory(locale), loadData(locale)]);
}

export function run(query: string, locale: Locale): Promise<Hit[]> {
  return search(query, locale, factory, loadData, loadWords);
}
