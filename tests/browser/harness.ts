/**
 * Real-browser test harness: Debian Chromium driven by playwright-core, against dist/ served by
 * scripts/lib/static-server.ts on 127.0.0.1 (a free port) — from a temporary copy, so that a rebuild
 * of dist/ during a run cannot mix two builds. One browser per test file (a persistent
 * context in a fresh temporary profile, removed afterwards); further contexts (another browser
 * language, JavaScript off, clipboard access) are opened in that same browser.
 *
 * Everything a context does is recorded for the privacy & CSP checks: every request (URL + origin),
 * console errors and uncaught page errors, `securitypolicyviolation` events (also kept in
 * `window.__cspViolations` on the page), JavaScript dialogs, and its cookies and localStorage when
 * it closes.
 *
 * Without /usr/bin/chromium the suites are skipped with a loud warning, except under CI=true where
 * a missing browser is a failing test.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../scripts/lib/chromium.ts';
import { serveStatic, type RunningServer } from '../../scripts/lib/static-server.ts';
import { dist, root } from '../helpers/site.ts';

const INSTALL_HINT = `Chromium not found at ${chromiumPath} — install it with: apt-get update && apt-get install -y chromium fonts-noto-cjk`;

/** The path of a page's current URL. */
export const pathOf = (page: Page) => new URL(page.url()).pathname;

/** The only localStorage key the site may write (Starlight's theme choice). */
export const ALLOWED_LOCAL_STORAGE = ['starlight-theme'];

export function browserAvailable(): boolean {
  return existsSync(chromiumPath);
}

export function isCI(): boolean {
  const v = (process.env.CI ?? '').trim().toLowerCase();
  return v !== '' && v !== '0' && v !== 'false';
}

/**
 * `describe` for a browser suite. Chromium present: runs `body`. Missing: under CI a single failing
 * test says so; elsewhere the suite is skipped with a banner nobody can miss.
 */
export function browserSuite(name: string, body: () => void): void {
  if (browserAvailable()) {
    describe(name, body);
    return;
  }
  if (isCI()) {
    describe(name, () => {
      it('needs Chromium (CI=true: browser tests may not be skipped)', () => {
        throw new Error(`BROWSER TESTS CANNOT RUN: ${INSTALL_HINT}`);
      });
    });
    return;
  }
  const line = '='.repeat(100);
  console.warn(`\n${line}\n  BROWSER TESTS SKIPPED: ${INSTALL_HINT}\n  Suite not run: ${name}\n${line}\n`);
  describe.skip(name, body);
}

export interface ContextOptions {
  /** Browser language: sets Accept-Language, navigator.language and navigator.languages. */
  locale?: string;
  javaScriptEnabled?: boolean;
  /** Grant clipboard-read and clipboard-write to the test server's origin. */
  clipboard?: boolean;
  viewport?: { width: number; height: number };
}

export interface RecordedRequest {
  url: string;
  origin: string;
  page: string;
}

interface StorageSnapshot {
  label: string;
  cookies: string[];
  localStorage: string[];
}

const CSP_INIT_SCRIPT = `(() => {
  const list = [];
  Object.defineProperty(window, '__cspViolations', { value: list, configurable: true });
  window.addEventListener('securitypolicyviolation', (e) => {
    const v = { directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample };
    list.push(v);
    try { if (typeof window.__kbReportCsp === 'function') window.__kbReportCsp(JSON.stringify(v)); } catch {}
  }, true);
})();`;

let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

export class BrowserSession {
  readonly requests: RecordedRequest[] = [];
  readonly consoleErrors: string[] = [];
  readonly cspViolations: string[] = [];
  readonly dialogs: string[] = [];
  private readonly snapshots: StorageSnapshot[] = [];
  private readonly open = new Map<BrowserContext, string>();
  private profileDir: string | undefined;
  private persistent: BrowserContext | undefined;
  private browser: Browser | null = null;
  private extraPersistent: { ctx: BrowserContext; dir: string }[] = [];
  private counter = 0;

  readonly server: RunningServer;
  /** The served copy of dist/ (see snapshotDist). */
  readonly site: string;

  private constructor(server: RunningServer, site: string) {
    this.server = server;
    this.site = site;
  }

  /** Serve (a snapshot of) dist/ on a free port and launch Chromium with a fresh profile. */
  static async start(options: ContextOptions = {}): Promise<BrowserSession> {
    const site = await snapshotDist();
    let server: RunningServer;
    try {
      server = await serveStatic(site, 0);
    } catch (e) {
      rmSync(site, { recursive: true, force: true });
      throw e;
    }
    const session = new BrowserSession(server, site);
    try {
      session.profileDir = mkdtempSync(join(tmpdir(), 'kb-browser-'));
      session.persistent = await chromium.launchPersistentContext(session.profileDir, { executablePath: chromiumPath, args: chromiumArgs, ...session.contextOptions(options) });
      session.browser = session.persistent.browser();
      await session.track(session.persistent, 'main', options);
    } catch (e) {
      await session.close();
      throw e;
    }
    return session;
  }

  /** http://127.0.0.1:<port> */
  get base(): string {
    return this.server.url;
  }

  url(path: string): string {
    return this.base + path;
  }

  /** The context the browser was launched with (a persistent profile). */
  get main(): BrowserContext {
    if (!this.persistent) throw new Error('browser session is closed');
    return this.persistent;
  }

  /** A new page in `ctx` (default: the main context). */
  async page(ctx: BrowserContext = this.main): Promise<Page> {
    return ctx.newPage();
  }

  /** A fresh, empty context in the same browser, with its own options; recorded like the main one. */
  async newContext(options: ContextOptions = {}): Promise<BrowserContext> {
    const label = `context ${++this.counter}${options.locale ? ` (${options.locale})` : ''}${options.javaScriptEnabled === false ? ' (no JS)' : ''}`;
    let ctx: BrowserContext;
    if (this.browser) {
      ctx = await this.browser.newContext(this.contextOptions(options));
    } else {
      // Fallback when the persistent context exposes no Browser: another persistent profile.
      const dir = mkdtempSync(join(tmpdir(), 'kb-browser-'));
      ctx = await chromium.launchPersistentContext(dir, { executablePath: chromiumPath, args: chromiumArgs, ...this.contextOptions(options) });
      this.extraPersistent.push({ ctx, dir });
    }
    await this.track(ctx, label, options);
    return ctx;
  }

  /** Record the context's cookies and localStorage, then close it. */
  async closeContext(ctx: BrowserContext): Promise<void> {
    await this.snapshot(ctx);
    this.open.delete(ctx);
    await ctx.close().catch(() => {});
  }

  /** Everything the privacy & CSP rules forbid, seen so far in this session (empty = all good). */
  async privacyProblems(): Promise<string[]> {
    for (const ctx of [...this.open.keys()]) await this.snapshot(ctx);
    const problems: string[] = [];
    for (const r of this.requests) {
      if (r.origin !== this.base && !/^(data|blob|about):/.test(r.url)) problems.push(`request to another origin: ${r.url} (from ${r.page})`);
    }
    for (const e of this.consoleErrors) problems.push(`console error: ${e}`);
    for (const v of this.cspViolations) problems.push(`securitypolicyviolation: ${v}`);
    for (const d of this.dialogs) problems.push(`JavaScript dialog opened: ${d}`);
    for (const s of this.snapshots) {
      for (const c of s.cookies) problems.push(`cookie set (${s.label}): ${c}`);
      for (const k of s.localStorage) problems.push(`localStorage key other than ${ALLOWED_LOCAL_STORAGE.join(', ')} (${s.label}): ${k}`);
    }
    return [...new Set(problems)];
  }

  /** Requests recorded since `mark` (use `requests.length` as the mark). */
  requestsSince(mark: number): RecordedRequest[] {
    return this.requests.slice(mark);
  }

  async close(): Promise<void> {
    for (const ctx of [...this.open.keys()]) if (ctx !== this.persistent) await ctx.close().catch(() => {});
    for (const { ctx, dir } of this.extraPersistent) {
      await ctx.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    }
    await this.persistent?.close().catch(() => {});
    this.open.clear();
    if (this.profileDir) rmSync(this.profileDir, { recursive: true, force: true });
    await this.server.close();
    rmSync(this.site, { recursive: true, force: true });
  }

  private contextOptions(options: ContextOptions): BrowserContextOptions {
    return {
      locale: options.locale ?? 'en-US',
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      viewport: options.viewport ?? { width: 1280, height: 800 },
      serviceWorkers: 'block',
    };
  }

  private async track(ctx: BrowserContext, label: string, options: ContextOptions): Promise<void> {
    this.open.set(ctx, label);
    ctx.setDefaultTimeout(5_000);
    ctx.setDefaultNavigationTimeout(15_000);
    if (options.clipboard) await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: this.base });
    ctx.on('request', (req) => {
      const url = req.url();
      let origin = 'null';
      try {
        origin = new URL(url).origin;
      } catch {
        /* keep 'null' */
      }
      let from = '?';
      try {
        from = req.frame().url();
      } catch {
        /* service worker or detached frame */
      }
      this.requests.push({ url, origin, page: from });
    });
    ctx.on('console', (msg) => {
      if (msg.type() === 'error') this.consoleErrors.push(`${msg.page()?.url() ?? '?'}: ${msg.text()}`);
    });
    ctx.on('weberror', (e) => this.consoleErrors.push(`uncaught ${e.error().name}: ${e.error().message} (${e.page()?.url() ?? '?'})`));
    ctx.on('dialog', (d) => {
      this.dialogs.push(`${d.type()} "${d.message()}" on ${d.page()?.url() ?? '?'}`);
      d.dismiss().catch(() => {});
    });
    await ctx.exposeBinding('__kbReportCsp', (source, v: string) => {
      this.cspViolations.push(`${source.page?.url() ?? '?'}: ${v}`);
    });
    await ctx.addInitScript(CSP_INIT_SCRIPT);
  }

  private async snapshot(ctx: BrowserContext): Promise<void> {
    const label = this.open.get(ctx);
    if (label === undefined) return;
    const state = await ctx.storageState().catch(() => undefined);
    if (!state) return;
    const previous = this.snapshots.findIndex((s) => s.label === label);
    const snap: StorageSnapshot = {
      label,
      cookies: state.cookies.map((c) => `${c.name} (${c.domain})`),
      localStorage: state.origins.flatMap((o) => o.localStorage.filter((e) => !ALLOWED_LOCAL_STORAGE.includes(e.name)).map((e) => `${e.name} (${o.origin})`)),
    };
    if (previous >= 0) this.snapshots[previous] = snap;
    else this.snapshots.push(snap);
  }
}

/** The page paths listed in a built site's sitemap-0.xml (its absolute URLs mapped to paths). */
export function sitemapPaths(site: string): string[] {
  const file = join(site, 'sitemap-0.xml');
  if (!existsSync(file)) return [];
  return [...new Set([...readFileSync(file, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => {
    const u = new URL(m[1]!.replace(/&amp;/g, '&'));
    return u.pathname + u.search;
  }))];
}

/** What is missing from a built site: the files every run needs and an index.html per sitemap page. */
function missingFiles(site: string): string[] {
  const required = ['index.html', '404.html', 'sitemap-0.xml', 'pagefind/pagefind.js'].filter((f) => !existsSync(join(site, f)));
  const pages = sitemapPaths(site).filter((p) => !existsSync(join(site, p.split('?')[0]!, 'index.html')));
  return [...required, ...pages.map((p) => `${p}index.html`)];
}

/** path:size of every file under `dir`, and the newest modification time. */
function fingerprint(dir: string): { files: string; newest: number } {
  const lines: string[] = [];
  let newest = 0;
  const walk = (d: string, rel: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full, `${rel}${name}/`);
      else {
        lines.push(`${rel}${name}:${st.size}`);
        newest = Math.max(newest, st.mtimeMs);
      }
    }
  };
  walk(dir, '');
  return { files: lines.sort().join('\n'), newest };
}

/**
 * Copy dist/ to a temporary folder and serve that: the suites then see one consistent build even if
 * dist/ is rebuilt while they run. Copies only a complete dist/ that nothing is writing to (no file
 * changed in the last 3 s, nothing changed during the copy); waits up to two minutes for one.
 */
async function snapshotDist(): Promise<string> {
  const end = Date.now() + 120_000;
  let problem = '';
  for (;;) {
    try {
      const missing = missingFiles(dist);
      const before = fingerprint(dist);
      if (missing.length > 0) problem = `missing: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`;
      else if (Date.now() - before.newest < 3_000) problem = 'files were still being written';
      else {
        const copy = mkdtempSync(join(tmpdir(), 'kb-site-'));
        cpSync(dist, copy, { recursive: true });
        if (fingerprint(dist).files === before.files && fingerprint(copy).files === before.files) return copy;
        rmSync(copy, { recursive: true, force: true });
        problem = 'dist/ changed while it was being copied';
      }
    } catch (e) {
      problem = `dist/ changed while it was being read (${(e as Error).message})`;
    }
    if (Date.now() > end) break;
    await new Promise((r) => setTimeout(r, 2_000));
  }
  throw new Error(`dist/ is not a complete, settled build (${problem}): run \`npx astro build\` (or wait for a running build to finish)`);
}

/** Inject axe-core (unless already there) and run it on the whole document. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
  // page.evaluate is not subject to the page's CSP, so the audit itself never causes a violation.
  if ((await page.evaluate('typeof window.axe')) !== 'object') await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
  });
}

/** One line per page and rule: `page  rule (impact): help — N node(s): target; target…`. */
export function formatViolations(page: string, violations: AxeViolation[]): string[] {
  return violations.map((v) => {
    const shown = v.targets.slice(0, 5).join('; ') + (v.targets.length > 5 ? `; … (${v.targets.length - 5} more)` : '');
    return `${page}  ${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.targets.length} node(s): ${shown}`;
  });
}

/** Wait until an element matching `selector` exists; otherwise fail naming the contract item that is missing. */
export async function requireElement(page: Page, selector: string, what: string, timeout = 2_000): Promise<void> {
  try {
    await page.locator(selector).first().waitFor({ state: 'attached', timeout });
  } catch {
    throw new Error(`${what}: no element matches \`${selector}\` on ${new URL(page.url()).pathname}`);
  }
}

/**
 * Where an element is relative to the viewport, measured in the page: `inView` when its top edge is
 * inside the viewport; `pageTop` is its distance from the top of the document (when that exceeds
 * the viewport height, being in view means the page scrolled to it).
 */
export async function viewportPosition(page: Page, selector: string): Promise<{ inView: boolean; top: number; pageTop: number; viewportHeight: number }> {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return { inView: false, top: Number.NaN, pageTop: Number.NaN, viewportHeight: window.innerHeight };
    const r = el.getBoundingClientRect();
    return { inView: r.top >= 0 && r.top < window.innerHeight, top: Math.round(r.top), pageTop: Math.round(r.top + window.scrollY), viewportHeight: window.innerHeight };
  }, selector);
}

/** Poll `fn` until it returns true or `timeout` ms pass. */
export async function waitUntil(fn: () => Promise<boolean>, timeout = 5_000, interval = 100): Promise<boolean> {
  const end = Date.now() + timeout;
  for (;;) {
    if (await fn().catch(() => false)) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, interval));
  }
}
