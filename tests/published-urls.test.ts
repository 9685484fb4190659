/**
 * Published URLs keep working: tests/published-urls.txt lists every URL the site has ever
 * published, and each must still resolve in dist/: to a page, or to a redirect page
 * (`<meta http-equiv="refresh">`, what Astro builds for a renamed article) whose target is a page.
 * The list is sorted, without duplicates, and covers every page built now (add new ones with
 * `node scripts/published-urls.ts`; never delete a line).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { builtPages, listFile, readList } from '../scripts/published-urls.ts';
import { dist } from './helpers/site.ts';

type Node = DefaultTreeAdapterTypes.Node;

/** The target of a `<meta http-equiv="refresh" content="0;url=…">`, or undefined for an ordinary page. */
function refreshTarget(html: string): string | undefined {
  const stack: Node[] = [parse(html)];
  while (stack.length) {
    const n = stack.pop()!;
    if ('tagName' in n && n.tagName === 'meta') {
      const get = (name: string) => n.attrs.find((a) => a.name === name)?.value;
      if (get('http-equiv')?.toLowerCase() === 'refresh') {
        const m = /^\s*\d*(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?['"]?([^'"]*)['"]?\s*$/i.exec(get('content') ?? '');
        return m?.[1]?.trim() ?? '';
      }
    }
    if ('childNodes' in n) stack.push(...n.childNodes);
  }
  return undefined;
}

/** How `path` resolves in dist/: 'page', 'redirect → /target/', or an error explaining why not. */
function resolvePath(path: string, hops = 0): { ok: true; kind: 'page' | 'redirect'; to?: string } | { ok: false; reason: string } {
  const file = join(dist, path.replace(/^\//, ''), path.endsWith('/') ? 'index.html' : '');
  if (!existsSync(file) || !statSync(file).isFile()) return { ok: false, reason: `no file dist/${file.slice(dist.length + 1)}` };
  const target = refreshTarget(readFileSync(file, 'utf8'));
  if (target === undefined) return { ok: true, kind: 'page' };
  if (!target) return { ok: false, reason: 'redirect page with no url= in its <meta http-equiv="refresh">' };
  if (hops >= 5) return { ok: false, reason: 'more than 5 redirects in a row' };
  const next = new URL(target, `http://site.invalid${path}`);
  if (next.origin !== 'http://site.invalid') return { ok: false, reason: `redirects off the site, to ${target}` };
  const onward = resolvePath(decodeURIComponent(next.pathname), hops + 1);
  if (!onward.ok) return { ok: false, reason: `redirects to ${next.pathname}, which does not resolve: ${onward.reason}` };
  return { ok: true, kind: 'redirect', to: next.pathname };
}

const listed = readList();

describe('published URLs (tests/published-urls.txt)', () => {
  it('is a well-formed list: paths only, sorted, no duplicates', () => {
    expect(listed.length, `${listFile} is empty or missing: run node scripts/published-urls.ts`).toBeGreaterThan(0);
    const malformed = listed.filter((p) => !/^\/\S*$/.test(p) || /[?#]/.test(p) || !(p.endsWith('/') || p.endsWith('.html')));
    expect(malformed, 'each line must be a path starting with / and ending in / or .html, without ?query or #fragment').toEqual([]);
    const dupes = listed.filter((p, i) => listed.indexOf(p) !== i);
    expect(dupes, 'duplicate lines').toEqual([]);
    const sorted = [...listed].sort();
    const firstOut = listed.findIndex((p, i) => p !== sorted[i]);
    expect(firstOut, `not sorted from line ${listed[firstOut]} (node scripts/published-urls.ts rewrites it sorted)`).toBe(-1);
  });

  it('every published URL still resolves to a page or a redirect page', () => {
    const started = Date.now();
    const failures: string[] = [];
    let pages = 0;
    let redirects = 0;
    for (const path of listed) {
      const r = resolvePath(path);
      if (!r.ok) failures.push(`  ${path}: ${r.reason}`);
      else if (r.kind === 'page') pages++;
      else redirects++;
    }
    console.log(`published URLs: ${listed.length} checked (${pages} pages, ${redirects} redirects), ${failures.length} broken, ${((Date.now() - started) / 1000).toFixed(2)} s`);
    expect(failures, `published URLs that no longer resolve; restore the page or add a redirect (Astro \`redirects\` in astro.config.mjs), never delete the line:\n${failures.join('\n')}\n`).toEqual([]);
  });

  it('lists every page built now (new pages are added by node scripts/published-urls.ts)', () => {
    const missing = builtPages(dist).filter((p) => !listed.includes(p));
    expect(missing, `built pages missing from tests/published-urls.txt: run \`node scripts/published-urls.ts\` and commit the list:\n  ${missing.join('\n  ')}\n`).toEqual([]);
  });

  it('recognises a redirect page and checks where it points', () => {
    expect(refreshTarget('<!doctype html><title>x</title><meta http-equiv="refresh" content="0;url=/en/reasons/">')).toBe('/en/reasons/');
    expect(refreshTarget("<meta http-equiv=Refresh content=\"2; URL='/en/'\">")).toBe('/en/');
    expect(refreshTarget('<!doctype html><title>x</title><meta name="description" content="0;url=/x/">')).toBeUndefined();
    expect(resolvePath('/no-such-published-page/')).toMatchObject({ ok: false });
  });
});
