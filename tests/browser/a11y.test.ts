/**
 * Accessibility in a real browser: axe-core on every page of dist/sitemap-0.xml (served by the test
 * server) and on each locale's landing page with the search dialog open (empty, then with results).
 * Zero violations; a failure lists page, rule id and target of each one. Pages are audited one
 * after another in one page of one context.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { localeKeys } from '../../src/model/locales.ts';
import { BrowserSession, browserSuite, formatViolations, requireElement, runAxe, sitemapPaths, waitUntil } from './harness.ts';

browserSuite('browser accessibility (axe-core)', () => {
  let s: BrowserSession;
  let page: Page;
  beforeAll(async () => {
    s = await BrowserSession.start();
    page = await s.page();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('every page in the sitemap has 0 axe violations', { timeout: 600_000 }, async () => {
    const paths = sitemapPaths(s.site);
    expect(paths.length, 'dist/sitemap-0.xml lists no pages').toBeGreaterThan(0);
    const started = Date.now();
    const problems: string[] = [];
    const ruleCounts = new Map<string, number>();
    for (const path of paths) {
      // The front door sends scripted browsers on to a language: audit it as served, without that hop.
      const isFrontDoor = path === '/';
      if (isFrontDoor) await page.route(s.url('/lang-redirect.js'), (r) => r.fulfill({ status: 200, contentType: 'text/javascript', body: '' }));
      try {
        const res = await page.goto(s.url(path), { waitUntil: 'load' });
        if (res?.status() !== 200) {
          problems.push(`${path}  HTTP ${res?.status() ?? 'no response'} (listed in the sitemap)`);
          continue;
        }
        if (new URL(page.url()).pathname !== path.split('?')[0]) {
          problems.push(`${path}  navigated away to ${new URL(page.url()).pathname} before the audit`);
          continue;
        }
        const violations = await runAxe(page);
        for (const v of violations) ruleCounts.set(v.id, (ruleCounts.get(v.id) ?? 0) + 1);
        problems.push(...formatViolations(path, violations));
      } finally {
        if (isFrontDoor) await page.unroute(s.url('/lang-redirect.js'));
      }
    }
    console.log(`axe: ${paths.length} sitemap pages audited in ${((Date.now() - started) / 1000).toFixed(1)} s; ${problems.length} problem(s)`);
    const summary = [...ruleCounts].map(([id, n]) => `${id} on ${n} page(s)`).join(', ');
    const shown = problems.slice(0, 100).join('\n') + (problems.length > 100 ? `\n… and ${problems.length - 100} more` : '');
    expect(problems.length, `axe violations on the sitemap pages (${summary || 'see list'}):\n${shown}\n`).toBe(0);
  });

  for (const l of localeKeys) {
    it(`${l}: the landing page with the search dialog open has 0 axe violations`, async () => {
      const path = `/${l}/`;
      await page.goto(s.url(path));
      await requireElement(page, 'button[data-kb-search-open]', 'header search button (contract: button[data-kb-search-open])');
      await page.locator('button[data-kb-search-open]').filter({ visible: true }).first().click();
      const opened = await waitUntil(() => page.evaluate(() => (document.querySelector('dialog#kb-search') as HTMLDialogElement | null)?.open === true), 3_000);
      expect(opened, `${path}: the search dialog (dialog#kb-search) did not open`).toBe(true);
      const problems = formatViolations(`${path} (search dialog open)`, await runAxe(page));
      await page.locator('#kb-search-input').fill('Your withdrawal may be at risk. You can try again in 24 hours.');
      await page.locator('ol#kb-search-results li a.kb-result').first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {
        throw new Error(`${path}: the search dialog showed no results (ol#kb-search-results li a.kb-result), so they could not be audited`);
      });
      problems.push(...formatViolations(`${path} (search dialog with results)`, await runAxe(page)));
      expect(problems.length, `axe violations:\n${problems.join('\n')}\n`).toBe(0);
    });
  }
});
