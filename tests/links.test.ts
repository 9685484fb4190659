/**
 * Links in the built site, checked offline over dist/:
 *  a. linkinator (its own static server on 127.0.0.1, fragment checking on, every external URL skipped);
 *  b. our own checker, on a real HTML parser (parse5): every internal href/src resolves to a file in
 *     dist/ (a `/…/` URL to its index.html), every #fragment names an id in the target page, and every
 *     link inside <main> of a /<locale>/ page stays in that language unless it is marked as a
 *     language switch with `hreflang`.
 * Both checkers are also run on a temporary copy of dist/ with planted broken links, so a checker
 * that silently checks nothing fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { LinkChecker, LinkState } from 'linkinator';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { isLocale } from '../src/model/locales.ts';
import { siteUrl } from '../src/model/site.ts';
import { dist } from './helpers/site.ts';

type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;

/** Every .html file under `root`, as a /-separated path relative to it. */
function htmlFilesIn(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...htmlFilesIn(root, full));
    else if (name.endsWith('.html')) out.push(relative(root, full).split(sep).join('/'));
  }
  return out.sort();
}

/** The URL a built file is served at: `en/x/index.html` → `/en/x/`, `404.html` → `/404.html`. */
const urlOfFile = (file: string) => '/' + file.replace(/(^|\/)index\.html$/, '$1');

// ---------------------------------------------------------------------------------------------
// a. linkinator

interface LinkinatorRun { checked: number; skipped: number; broken: string[]; seconds: number }

async function runLinkinator(root: string): Promise<LinkinatorRun> {
  const started = Date.now();
  const result = await new LinkChecker().check({
    path: '**/*.html',
    serverRoot: root,
    recurse: true,
    checkFragments: true,
    // Offline: skip every absolute URL except linkinator's own server (a `localhost` pattern checks 0 links).
    linksToSkip: ['^https?://(?!127\\.0\\.0\\.1[:/])'],
  });
  const strip = (u?: string) => (u ? '/' + u.replace(/^https?:\/\/127\.0\.0\.1:\d+/, '').replace(/^\//, '') : '');
  const broken = result.links
    .filter((l) => l.state === LinkState.BROKEN)
    .map((l) => `  ${strip(l.url)} (status ${l.status ?? '?'}) linked from ${strip(l.parent) || '(start page)'}`);
  return {
    checked: result.links.filter((l) => l.state !== LinkState.SKIPPED).length,
    skipped: result.links.filter((l) => l.state === LinkState.SKIPPED).length,
    broken,
    seconds: (Date.now() - started) / 1000,
  };
}

// ---------------------------------------------------------------------------------------------
// b. our own checker

interface LinkProblem { page: string; at: string; link: string; reason: string }

interface ParsedPage { doc: DefaultTreeAdapterTypes.Document; ids: Set<string> }

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

/** Every element in document order, with whether it sits inside <main> and inside a <template> (inert: its ids are no fragment targets). */
function* elements(node: Node, inMain = false, inTemplate = false): Generator<{ el: Element; inMain: boolean; inTemplate: boolean }> {
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) {
    if (!('tagName' in child)) continue;
    const here = inMain || child.tagName === 'main';
    yield { el: child, inMain: here, inTemplate };
    yield* elements(child, here, inTemplate);
    if (child.tagName === 'template' && 'content' in child) yield* elements(child.content as Node, here, true);
  }
}

const LINK_ATTRS: Record<string, string> = { a: 'href', area: 'href', link: 'href', img: 'src', script: 'src', iframe: 'src', source: 'src', audio: 'src', video: 'src', track: 'src', embed: 'src' };
const ORIGIN = 'http://site.invalid';

/** Check every built page under `root`; returns the problems and how many internal links were checked. */
function checkInternalLinks(root: string): { pages: number; links: number; problems: LinkProblem[] } {
  const cache = new Map<string, ParsedPage>();
  const load = (file: string): ParsedPage => {
    let p = cache.get(file);
    if (!p) {
      const doc = parse(readFileSync(join(root, file), 'utf8'), { sourceCodeLocationInfo: true });
      const ids = new Set<string>();
      for (const { el, inTemplate } of elements(doc)) {
        if (inTemplate) continue;
        const id = attr(el, 'id');
        if (id !== undefined) ids.add(id);
        const name = el.tagName === 'a' ? attr(el, 'name') : undefined; // <a name> is a fragment target too
        if (name !== undefined) ids.add(name);
      }
      p = { doc, ids };
      cache.set(file, p);
    }
    return p;
  };

  const files = htmlFilesIn(root);
  const problems: LinkProblem[] = [];
  let links = 0;
  for (const file of files) {
    const pageUrl = urlOfFile(file);
    const first = pageUrl.split('/')[1] ?? '';
    const locale = isLocale(first) ? first : undefined;
    for (const { el, inMain } of elements(load(file).doc)) {
      const attrName = LINK_ATTRS[el.tagName];
      if (!attrName) continue;
      const raw = attr(el, attrName)?.trim();
      if (raw === undefined) continue;
      // Internal: /-rooted, relative, or an absolute URL on the site's own base (canonical, hreflang alternates).
      let href = raw;
      if (href === siteUrl || href.startsWith(siteUrl + '/')) href = href.slice(siteUrl.length) || '/';
      else if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) continue; // external, mailto:, data: …
      links++;
      const loc = el.sourceCodeLocation;
      const at = loc ? `${loc.startLine}:${loc.startCol}` : '?';
      const report = (reason: string) => problems.push({ page: file, at, link: raw, reason });

      if (file === '404.html' && !/^[/#]/.test(href) && href !== '') {
        report('relative link on 404.html, which is served at any missing URL: it resolves differently on every 404; use a /-rooted link');
        continue;
      }
      const url = new URL(href, ORIGIN + pageUrl);
      let path: string;
      try {
        path = decodeURIComponent(url.pathname);
      } catch {
        report('malformed percent-encoding in the path');
        continue;
      }
      let target = path.replace(/^\//, '');
      if (path.endsWith('/')) target += 'index.html';
      const full = join(root, target);
      if (!existsSync(full)) {
        report(`no such page in dist/ (looked for dist/${target})`);
        continue;
      }
      if (statSync(full).isDirectory()) {
        report(`points to a directory without the trailing slash (site URLs end in /: use ${path}/)`);
        continue;
      }
      const isPage = target.endsWith('.html');
      const fragment = url.hash.slice(1);
      if (isPage && fragment && fragment !== 'top' && !fragment.startsWith(':~:')) {
        let id = fragment;
        try {
          id = decodeURIComponent(fragment);
        } catch {
          /* keep it raw */
        }
        if (!load(target).ids.has(id)) report(`no element with id="${id}" in ${urlOfFile(target)}`);
      }
      if (locale && inMain && isPage && (el.tagName === 'a' || el.tagName === 'area') && attr(el, 'hreflang') === undefined && !urlOfFile(target).startsWith(`/${locale}/`)) {
        report(`leaves /${locale}/ for ${urlOfFile(target)} (a link in another language needs hreflang to mark it as a language switch)`);
      }
    }
  }
  return { pages: files.length, links, problems };
}

const format = (ps: LinkProblem[]) => ps.map((p) => `  dist/${p.page}:${p.at}  ${p.link}  → ${p.reason}`).join('\n');

// ---------------------------------------------------------------------------------------------

describe('links in the built site', () => {
  it('linkinator (fragments on, offline) finds no broken link', async () => {
    const run = await runLinkinator(dist);
    console.log(`linkinator: ${run.checked} links checked, ${run.skipped} external skipped, ${run.broken.length} broken, ${run.seconds.toFixed(1)} s`);
    expect(run.checked, 'linkinator checked no link at all: its skip pattern or glob is wrong').toBeGreaterThan(htmlFilesIn(dist).length);
    expect(run.broken, `broken links:\n${run.broken.join('\n')}`).toEqual([]);
  });

  it('every internal link resolves, its #fragment exists, and <main> links stay in the page language', () => {
    const started = Date.now();
    const { pages, links, problems } = checkInternalLinks(dist);
    console.log(`internal links: ${links} checked on ${pages} pages, ${problems.length} problems, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(pages).toBeGreaterThan(0);
    expect(links).toBeGreaterThan(pages);
    expect(problems.length, `${problems.length} link problems (page:line:column  link  → reason):\n${format(problems)}\n`).toBe(0);
  });
});

describe('the link checkers catch planted mistakes (temporary copy of dist/)', () => {
  const planted = 'en/index.html';
  const bad = {
    missing: '/en/no-such-page/',
    fragment: '/en/reasons/#no-such-section',
    otherLanguage: '/zh/',
    noSlash: '/en/reasons',
  };
  const languageSwitch = '/ja/';
  let tmp = '';

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'kb-links-'));
    cpSync(dist, tmp, { recursive: true });
    const file = join(tmp, planted);
    const html = readFileSync(file, 'utf8');
    if (!html.includes('</main>')) throw new Error(`dist/${planted} has no </main> to plant links in`);
    const extra = Object.values(bad).map((h) => `<a href="${h}">planted</a>`).join('') + `<a href="${languageSwitch}" hreflang="ja">日本語</a>`;
    writeFileSync(file, html.replace('</main>', `${extra}</main>`));
  });
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('our checker reports each planted link with the right reason, and not the hreflang language switch', () => {
    const mine = checkInternalLinks(tmp).problems.filter((p) => p.page === planted);
    const reasonFor = (link: string) => mine.filter((p) => p.link === link).map((p) => p.reason);
    expect(reasonFor(bad.missing)).toEqual([expect.stringContaining('no such page')]);
    expect(reasonFor(bad.fragment)).toEqual([expect.stringContaining('no element with id="no-such-section"')]);
    expect(reasonFor(bad.otherLanguage)).toEqual([expect.stringContaining('leaves /en/')]);
    expect(reasonFor(bad.noSlash)).toEqual([expect.stringContaining('without the trailing slash')]);
    expect(reasonFor(languageSwitch)).toEqual([]);
  });

  it('linkinator reports the planted missing page', async () => {
    const run = await runLinkinator(tmp);
    expect(run.broken.some((b) => b.includes(bad.missing)), `linkinator did not report ${bad.missing}; it reported:\n${run.broken.join('\n')}`).toBe(true);
  });
});
