/** Runs the site's search (src/search/engine.ts) in Node against dist/pagefind, with the options the search box uses. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locale } from '../../src/model/locales.ts';
import { search, type Hit } from '../../src/search/engine.ts';
import { pagefindFactory } from '../../src/search/pagefind.ts';
import type { SearchData } from '../../src/search/query.ts';
import { dist } from './site.ts';

let lang = 'en';
const g = globalThis as Record<string, unknown>;
g.document ??= { querySelector: () => ({ getAttribute: () => lang }) };
g.location ??= { href: 'http://127.0.0.1/', origin: 'http://127.0.0.1' };
const realFetch = globalThis.fetch;
globalThis.fetch = (async (input: string | URL | Request) => {
  const url = String(input instanceof Request ? input.url : input);
  if (url.startsWith('/')) return new Response(await readFile(join(dist, url.split('?')[0]!)));
  return realFetch(input);
}) as typeof fetch;

const factory = pagefindFactory(
  (locale) => import(`${pathToFileURL(join(dist, 'pagefind/pagefind.js')).href}?${locale}`),
  (l, create) => {
    const before = lang;
    lang = l;
    try {
      return create();
    } finally {
      lang = before;
    }
  },
);
const dataCache = new Map<Locale, Promise<SearchData>>();
const loadData = (l: Locale) => {
  let p = dataCache.get(l);
  if (!p) dataCache.set(l, (p = readFile(join(dist, `search-data/${l}.json`), 'utf8').then((t) => JSON.parse(t) as SearchData)));
  return p;
};

const loadWords = async (l: Locale) => (JSON.parse(await readFile(join(dist, `search-data/${l}.words.json`), 'utf8')) as { vocab: string[] }).vocab;

export function searchNode(query: string, locale: Locale): Promise<Hit[]> {
  return search(query, locale, factory, loadData, loadWords);
}
