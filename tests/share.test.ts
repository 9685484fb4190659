/**
 * Links that unfurl well and addresses that hold: every page's canonical, hreflang, Open Graph
 * and Twitter tags (with an existing og:image file), the sitemap's language alternates, and the
 * 404 page in every language.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localeKeys, locales } from '../src/model/locales.ts';
import { siteUrl } from '../src/model/site.ts';
import { ui } from '../src/model/ui.ts';
import { dist, htmlFiles, page } from './helpers/site.ts';

const attr = (html: string, re: RegExp) => re.exec(html)?.[1]?.replace(/&amp;/g, '&');
const meta = (html: string, key: string) => attr(html, new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`));
const articlePages = htmlFiles()
  .filter((f) => /^(en|zh|ja|ko)\//.test(f))
  .filter((f) => !page('/' + f.replace(/index\.html$/, '')).includes('http-equiv="refresh"'));

describe('share tags on every page', () => {
  it('has an absolute canonical, hreflang for every language plus x-default, and Open Graph/Twitter tags', () => {
    expect(articlePages.length).toBeGreaterThan(100);
    for (const f of articlePages) {
      const path = '/' + f.replace(/index\.html$/, '');
      const html = page(path);
      const locale = path.split('/')[1] as keyof typeof locales;
      const canonical = attr(html, /<link rel="canonical" href="([^"]+)"/);
      expect(canonical, path).toBe(`${siteUrl}${path}`);
      for (const l of localeKeys) {
        expect(html, `${path} hreflang ${l}`).toContain(`hreflang="${locales[l].lang}" href="${siteUrl}/${l}/${path.split('/').slice(2).join('/')}"`);
      }
      expect(html).toContain('hreflang="x-default"');
      expect(meta(html, 'og:title'), path).toBeTruthy();
      expect(meta(html, 'og:description'), path).toBeTruthy();
      expect(meta(html, 'og:url')).toBe(canonical);
      expect(meta(html, 'og:locale')).toBe(locales[locale].ogLocale);
      const alternates = [...html.matchAll(/<meta property="og:locale:alternate" content="([^"]+)"/g)].map((m) => m[1]).sort();
      expect(alternates).toEqual(localeKeys.filter((l) => l !== locale).map((l) => locales[l].ogLocale).sort());
      expect(meta(html, 'twitter:card')).toBe('summary_large_image');
      const image = meta(html, 'og:image') ?? '';
      expect(image.startsWith(`${siteUrl}/og/`), `${path} og:image ${image}`).toBe(true);
      expect(existsSync(join(dist, image.slice(siteUrl.length))), `${path}: ${image} exists in dist/`).toBe(true);
      expect(meta(html, 'twitter:image')).toBe(image);
    }
  });
});

describe('sitemap', () => {
  const xml = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
  const urls = [...xml.matchAll(/<url><loc>([^<]+)<\/loc>([\s\S]*?)<\/url>/g)].map((m) => ({ loc: m[1]!, links: m[2]! }));

  it('lists every page with its four languages and an x-default', () => {
    for (const f of articlePages) expect(urls.some((u) => u.loc === `${siteUrl}/${f.replace(/index\.html$/, '')}`), f).toBe(true);
    for (const u of urls) {
      const langs = [...u.links.matchAll(/hreflang="([^"]+)"/g)].map((m) => m[1]).sort();
      expect(langs, u.loc).toEqual([...localeKeys.map((l) => locales[l].lang), 'x-default'].sort());
    }
  });

  it('lists the language chooser at / as the x-default, not as a second English page', () => {
    const root = urls.find((u) => u.loc === `${siteUrl}/`)!;
    expect(root.links).toContain(`hreflang="x-default" href="${siteUrl}/"`);
    expect(root.links).not.toContain(`hreflang="en" href="${siteUrl}/"`);
  });
});

describe('404 page', () => {
  const html = readFileSync(join(dist, '404.html'), 'utf8');
  it('is noindex and offers every language a search box, its landing page and the triage page', () => {
    expect(html).toContain('<meta name="robots" content="noindex"');
    for (const l of localeKeys) {
      expect(html).toContain(`data-kb-lang="${l}"`);
      expect(html).toContain(`action="/${l}/search/"`);
      expect(html).toContain(`href="/${l}/"`);
      expect(html).toContain(`href="/${l}/reasons/"`);
      expect(html).toContain(ui[l].notFoundTitle);
      expect(html).toMatch(new RegExp(`<label for="q-${l}"[^>]*>`));
    }
  });
});
