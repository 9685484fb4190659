/** The browser side of the search engine: Pagefind from /pagefind/, search data from /search-data/. Loaded on first intent. */
import type { Locale } from '../model/locales';
import { search, type Hit } from '../search/engine';
import { pagefindFactory } from '../search/pagefind';
import type { SearchData } from '../search/query';

const html = document.documentElement;
const factory = pagefindFactory(
  // A runtime URL, not a bundled module: Pagefind is generated after the site is built.
  (locale) => import(/* @vite-ignore */ new URL(`/pagefind/pagefind.js?${locale}`, location.href).href),
  (lang, create) => {
    const before = html.getAttribute('lang');
    html.setAttribute('lang', lang);
    try {
      return create();
    } finally {
      if (before === null) html.removeAttribute('lang');
      else html.setAttribute('lang', before);
    }
  },
);
const data = new Map<Locale, Promise<SearchData>>();
const loadData = (l: Locale) => {
  let p = data.get(l);
  if (!p) data.set(l, (p = fetch(`/search-data/${l}.json`).then((r) => r.json() as Promise<SearchData>)));
  return p;
};

const words = new Map<Locale, Promise<string[]>>();
const loadWords = (l: Locale) => {
  let p = words.get(l);
  if (!p) words.set(l, (p = fetch(`/search-data/${l}.words.json`).then((r) => r.json() as Promise<{ vocab: string[] }>).then((d) => d.vocab)));
  return p;
};

export function warm(locale: Locale) {
  return Promise.all([factory(locale), loadData(locale)]);
}

export function run(query: string, locale: Locale): Promise<Hit[]> {
  return search(query, locale, factory, loadData, loadWords);
}
