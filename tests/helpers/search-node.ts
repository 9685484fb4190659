/** Runs the site's search (src/search/engine.ts) in Node against the built dist/, with the code and options the search box uses. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stem } from 'porter2';
import type { Locale } from '../../src/model/locales.ts';
import { search, type Hit } from '../../src/search/engine.ts';
import { indexFactory } from '../../src/search/pagefind.ts';
import type { SearchData } from '../../src/search/query.ts';
import { dist } from './site.ts';

/** A file of the built Pagefind bundle (dist/pagefind/<path>). */
export const loadBundle = async (path: string) => new Uint8Array(await readFile(join(dist, 'pagefind', path)));

const factory = indexFactory(loadBundle, async (locale) => (locale === 'en' ? stem : undefined));
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
