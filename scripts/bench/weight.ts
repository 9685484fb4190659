/**
 * Page weight in Chromium: every response of a first view (cold cache, until the network has
 * been quiet for a while, so what loads on idle is counted), then what the first search adds.
 * Every request is recorded where it arrives, at the bench's static server: Pagefind fetches its
 * index from a Web Worker, whose requests never show up in the page's DevTools (CDP) Network
 * events. Each response body is the served file; its gzip size (zlib level 6) is computed here
 * because the static server sends bodies uncompressed.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Locator, type Page } from 'playwright-core';
import { serveStatic } from '../lib/static-server.ts';
import { chromiumArgs, chromiumPath } from './util.ts';

/** serveStatic plus a log of every request it answered (time and path). */
export interface LoggedServer {
  url: string;
  root: string;
  log: { t: number; path: string }[];
  close(): Promise<void>;
}

export async function serveLogged(root: string): Promise<LoggedServer> {
  const log: LoggedServer['log'] = [];
  const s = await serveStatic(root, 0, (path) => {
    log.push({ t: Date.now(), path });
    return {};
  });
  return { url: s.url, root: resolve(root), log, close: s.close };
}

export const resourceTypes = ['document', 'stylesheet', 'script', 'font', 'image', 'fetch/xhr/other', 'wasm'] as const;
export type ResourceType = (typeof resourceTypes)[number];

export interface Resource {
  url: string;
  type: ResourceType;
  status: number;
  /** body bytes as served (no compression) */
  raw: number;
  /** gzip -6 of the body, never more than raw (already-compressed files: images, fonts, Pagefind's gzipped chunks) */
  gzip: number;
}

export interface Totals {
  requests: number;
  raw: number;
  gzip: number;
  byType: Record<ResourceType, { requests: number; raw: number; gzip: number }>;
}

export interface PageWeight {
  url: string;
  firstView: Totals;
  search: Totals;
  /** which search UI was used: the site's own (`button[data-kb-search-open]`) or Starlight's */
  searchUi: 'kb' | 'starlight' | 'none';
  query: string;
  results: number;
  resources: { firstView: Resource[]; search: Resource[] };
  failed: string[];
}

/** Resource type from the served file's name (what DevTools would call it). */
function typeOf(path: string): ResourceType {
  if (/\.wasm$/.test(path) || /\/wasm\.[^/]+\.pagefind$/.test(path)) return 'wasm';
  if (/\.html$/.test(path)) return 'document';
  if (/\.css$/.test(path)) return 'stylesheet';
  if (/\.m?js$/.test(path)) return 'script';
  if (/\.(woff2?|ttf|otf)$/.test(path)) return 'font';
  if (/\.(png|jpe?g|gif|webp|avif|svg|ico)$/.test(path)) return 'image';
  return 'fetch/xhr/other';
}

/** The file the static server answers `path` with (same rules as scripts/lib/static-server.ts). */
function servedFile(root: string, path: string): { file: string; status: number } {
  let file = normalize(join(root, path));
  if (!file.startsWith(root)) file = root;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return { file: join(root, '404.html'), status: 404 };
  return { file, status: 200 };
}

function resourceOf(root: string, path: string, origin: string): Resource {
  const { file, status } = servedFile(root, path);
  const body = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
  const raw = body.length;
  // a 404 (stock Starlight has no favicon) is typed by what was asked for; its body is the 404 page
  return { url: origin + path, type: typeOf(status === 404 ? path : file), status, raw, gzip: Math.min(raw, gzipSync(body, { level: 6 }).length) };
}

export function totalsOf(list: Resource[]): Totals {
  const byType = Object.fromEntries(resourceTypes.map((t) => [t, { requests: 0, raw: 0, gzip: 0 }])) as Totals['byType'];
  const t: Totals = { requests: 0, raw: 0, gzip: 0, byType };
  for (const r of list) {
    t.requests++;
    t.raw += r.raw;
    t.gzip += r.gzip;
    byType[r.type].requests++;
    byType[r.type].raw += r.raw;
    byType[r.type].gzip += r.gzip;
  }
  return t;
}

/**
 * Measure `path` on `server`: first view, then the first search for `query`.
 * `quietMs`: how long no request may arrive before a phase counts as finished.
 */
export async function measurePage(server: LoggedServer, path: string, query: string, quietMs = 1500): Promise<PageWeight> {
  const profile = mkdtempSync(join(tmpdir(), 'kb-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, args: chromiumArgs, viewport: { width: 1280, height: 800 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(`${r.url()} (${r.failure()?.errorText ?? 'failed'})`));
    const quiet = async (timeoutMs = 30_000) => {
      const start = Date.now();
      while (Date.now() - start < timeoutMs) {
        const last = Math.max(start, server.log.at(-1)?.t ?? 0);
        if (Date.now() - last >= quietMs) return;
        await new Promise((r) => setTimeout(r, 100));
      }
    };

    const from = server.log.length;
    const url = new URL(path, server.url).href;
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response || response.status() !== 200) throw new Error(`${url} answered ${response?.status() ?? 'nothing'}; is the page built?`);
    await quiet();
    const boundary = server.log.length;
    const { ui, results } = await runSearch(page, query);
    await quiet();
    const toResources = (entries: LoggedServer['log']) => entries.map((e) => resourceOf(server.root, e.path, server.url));
    const firstView = toResources(server.log.slice(from, boundary));
    const search = toResources(server.log.slice(boundary));
    for (const r of [...firstView, ...search]) if (r.status !== 200) failed.push(`${r.url} (${r.status})`);
    return { url, firstView: totalsOf(firstView), search: totalsOf(search), searchUi: ui, query, results, resources: { firstView, search }, failed };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Open the search the way a reader does, type `query`, wait for results. If none show within 8 s
 * (the input can exist a moment before its handler is attached), type the query again once.
 */
async function runSearch(page: Page, query: string): Promise<{ ui: PageWeight['searchUi']; results: number }> {
  const own = page.locator('button[data-kb-search-open]');
  let ui: PageWeight['searchUi'] = 'none';
  let input: Locator;
  let results: Locator;
  if ((await own.count()) > 0 && (await own.first().isVisible())) {
    ui = 'kb';
    await own.first().click();
    await page.locator('dialog#kb-search').waitFor({ state: 'visible', timeout: 10_000 });
    input = page.locator('#kb-search-input');
    results = page.locator('dialog#kb-search .kb-result, dialog#kb-search [data-kb-result]');
  } else if ((await page.locator('button[data-open-modal]').count()) > 0) {
    ui = 'starlight';
    await page.locator('button[data-open-modal]').first().click();
    input = page.locator('.pagefind-ui__search-input');
    results = page.locator('.pagefind-ui__result');
  } else return { ui, results: 0 };
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(query);
  const shown = () => results.first().waitFor({ state: 'visible', timeout: 8_000 }).then(() => true, () => false);
  if (!(await shown())) {
    await input.fill('');
    await input.pressSequentially(query, { delay: 30 });
    await shown();
  }
  return { ui, results: await results.count() };
}
