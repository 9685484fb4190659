/**
 * Tidies the sitemap Starlight generates: the language chooser at / is listed as the x-default
 * (not as a second English page), and every page's alternates gain an x-default (its English
 * version), matching the hreflang links in each page's <head>.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function fixSitemap(xml: string, site: string): string {
  const root = `${site}/`;
  return xml.replace(/<url><loc>([^<]*)<\/loc>([\s\S]*?)<\/url>/g, (_all, loc: string, rest: string) => {
    let links = rest.replace(new RegExp(`<xhtml:link rel="alternate" hreflang="en" href="${root.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"/>`, 'g'), '');
    const en = /hreflang="en" href="([^"]+)"/.exec(links)?.[1];
    const xDefault = loc === root || en === `${site}/en/` ? root : en;
    if (xDefault) links += `<xhtml:link rel="alternate" hreflang="x-default" href="${xDefault}"/>`;
    return `<url><loc>${loc}</loc>${links}</url>`;
  });
}

export default function sitemapAlternates(site: string): AstroIntegration {
  return {
    name: 'kyc-sitemap-alternates',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const root = fileURLToPath(dir);
        for (const f of readdirSync(root).filter((n) => /^sitemap-\d+\.xml$/.test(n))) {
          writeFileSync(join(root, f), fixSitemap(readFileSync(join(root, f), 'utf8'), site));
        }
      },
    },
  };
}
