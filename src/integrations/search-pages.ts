/**
 * After Pagefind has indexed the site (Starlight runs it in its own build:done hook, so this
 * integration is listed after Starlight), writes each language's page numbers → article keys
 * into /search-data/<locale>.json (`pages`). The search box then ranks and shows results from
 * the index and that file alone, without downloading a Pagefind fragment per result.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { localeKeys, locales } from '../model/locales.ts';
import { keyOf, ranking } from '../search/engine.ts';
import { indexLang, openIndex } from '../search/index-reader.ts';
import type { SearchData } from '../search/query.ts';

/** Page number → article key ('' for a page that is not an article) for one language's index. */
export async function pageKeys(pagefindDir: string, lang: string): Promise<string[]> {
  const index = await openIndex(async (path) => readFileSync(join(pagefindDir, path)), lang, ranking);
  return index.pageHashes.map((hash) => {
    const raw = gunzipSync(readFileSync(join(pagefindDir, 'fragment', `${hash}.pf_fragment`))).toString('utf8');
    const { url } = JSON.parse(raw.replace(/^pagefind_dcd/, '')) as { url: string };
    return keyOf(url) ?? '';
  });
}

export default function searchPages(): AstroIntegration {
  return {
    name: 'kyc-search-pages',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pagefind = join(root, 'pagefind');
        if (!existsSync(join(pagefind, 'pagefind-entry.json'))) throw new Error('dist/pagefind is missing: this integration must come after Starlight (which runs Pagefind) in astro.config.mjs');
        for (const locale of localeKeys) {
          const file = join(root, 'search-data', `${locale}.json`);
          const data = JSON.parse(readFileSync(file, 'utf8')) as SearchData;
          const pages = await pageKeys(pagefind, indexLang(locales[locale].lang));
          const missing = Object.keys(data.articles).filter((k) => !pages.includes(k));
          if (missing.length) throw new Error(`Pagefind did not index these ${locale} articles, so search cannot find them: ${missing.join(', ')}. Check data-pagefind-body/ignore in the article layout.`);
          writeFileSync(file, JSON.stringify({ ...data, pages }));
        }
        logger.info('search data: page numbers of the Pagefind index written for ' + localeKeys.join(', '));
      },
    },
  };
}
