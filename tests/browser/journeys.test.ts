/**
 * Readers' journeys in a real browser (Chromium), in every locale: read a reason and follow a fix,
 * the front door picks the browser's language, the language picker keeps the #section, sharing a
 * link copies the canonical URL, and everything works without JavaScript. Ends with the privacy &
 * CSP check over everything these journeys did.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { defaultLocale, localeKeys, locales, type Locale } from '../../src/model/locales.ts';
import { BrowserSession, browserSuite, pathOf, requireElement, viewportPosition, waitUntil } from './harness.ts';

browserSuite('browser journeys', () => {
  let s: BrowserSession;
  beforeAll(async () => {
    s = await BrowserSession.start();
  });
  afterAll(async () => {
    await s?.close();
  });

  /** A new page in `ctx`, closed after `fn` whatever happens. */
  async function withPage<T>(fn: (page: Page) => Promise<T>, ctx?: BrowserContext): Promise<T> {
    const page = await s.page(ctx);
    try {
      return await fn(page);
    } finally {
      await page.close();
    }
  }

  /** Fails unless the #fix heading ends up in the viewport (and the page had to scroll for it). */
  async function expectFixInView(page: Page, label: string): Promise<void> {
    let pos = await viewportPosition(page, 'h2#fix');
    await waitUntil(async () => (pos = await viewportPosition(page, 'h2#fix')).inView, 3_000);
    expect(Number.isNaN(pos.top), `${label}: the page has no h2#fix`).toBe(false);
    expect(pos.inView, `${label}: h2#fix is not in the viewport (top ${pos.top}px, viewport ${pos.viewportHeight}px)`).toBe(true);
    // Keeps the check meaningful: #fix starts below the first screen, so being in view means the browser scrolled to it.
    expect(pos.pageTop, `${label}: h2#fix is on the first screen anyway (${pos.pageTop}px); this check needs a longer page or a smaller viewport`).toBeGreaterThan(pos.viewportHeight);
  }

  describe('read: a reason page, its first fix, and back', () => {
    for (const l of localeKeys) {
      it(`${l}`, async () => {
        await withPage(async (page) => {
          const path = `/${l}/reasons/photo-quality/`;
          const res = await page.goto(s.url(path));
          expect(res?.status(), `${path} status`).toBe(200);
          const messages = page.locator('ul.kb-messages li');
          expect(await messages.count(), `${path}: messages in ul.kb-messages`).toBeGreaterThanOrEqual(1);
          await messages.first().waitFor({ state: 'visible' });
          const link = page.locator('ol.kb-fix-list a').first();
          expect(await link.count(), `${path}: a link in ol.kb-fix-list`).toBe(1);
          await link.click();
          await page.waitForURL((u) => new RegExp(`^/${l}/fixes/[^/]+/$`).test(u.pathname));
          await page.locator('h1').first().waitFor({ state: 'visible' });
          await page.goBack();
          expect(pathOf(page)).toBe(path);
          await page.locator('ul.kb-messages li').first().waitFor({ state: 'visible' });
        });
      });
    }
  });

  describe('root: / sends the reader to the browser language', () => {
    const cases: [string, Locale][] = [
      ...localeKeys.filter((l) => l !== defaultLocale).map((l): [string, Locale] => [locales[l].lang, l]),
      [`${locales[defaultLocale].lang}-US`, defaultLocale],
      ['fr-FR', defaultLocale], // a language the site does not have
    ];
    for (const [browserLang, expected] of cases) {
      it(`${browserLang} → /${expected}/`, async () => {
        const ctx = await s.newContext({ locale: browserLang });
        try {
          await withPage(async (page) => {
            expect(await page.evaluate(() => navigator.languages[0])).toBe(browserLang);
            await page.goto(s.url('/'));
            const arrived = await waitUntil(async () => pathOf(page) === `/${expected}/`, 5_000);
            expect(arrived, `with browser language ${browserLang}, / should land on /${expected}/ but the page is ${pathOf(page)}`).toBe(true);
            await page.waitForLoadState('load');
            expect(await page.locator('html').getAttribute('lang')).toBe(locales[expected].lang);
          }, ctx);
        } finally {
          await s.closeContext(ctx);
        }
      });
    }
  });

  describe('switch: the language picker keeps the article and the #fix section', () => {
    for (const a of localeKeys) {
      for (const b of localeKeys) {
        if (a === b) continue;
        it(`${a} → ${b}`, async () => {
          await withPage(async (page) => {
            await page.goto(s.url(`/${a}/reasons/expired-document/#fix`));
            const picker = page.locator('starlight-lang-select select:visible');
            expect(await picker.count(), `/${a}/reasons/expired-document/: exactly one visible language picker`).toBe(1);
            await picker.selectOption({ label: locales[b].label });
            await page.waitForURL((u) => u.pathname === `/${b}/reasons/expired-document/`);
            await page.waitForLoadState('load');
            expect(new URL(page.url()).hash, `the picker should keep #fix when going ${a} → ${b}`).toBe('#fix');
            expect(await page.locator('html').getAttribute('lang')).toBe(locales[b].lang);
            await expectFixInView(page, `/${b}/reasons/expired-document/#fix (from ${a})`);
          });
        });
      }
    }
  });

  describe('share: copy link buttons copy the canonical URL', () => {
    let ctx: BrowserContext;
    beforeAll(async () => {
      ctx = await s.newContext({ clipboard: true });
    });
    afterAll(async () => {
      if (ctx) await s.closeContext(ctx);
    });

    const readClipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
    const sentinel = 'clipboard-before-click';

    for (const l of localeKeys) {
      it(`${l}`, async () => {
        await withPage(async (page) => {
          const path = `/${l}/reasons/photo-quality/`;
          await page.goto(s.url(path));
          const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
          expect(canonical, `${path}: <link rel=canonical>`).toBeTruthy();
          expect(new URL(canonical!).pathname).toBe(path);

          await requireElement(page, 'button[data-kb-copy]', 'copy-link button (contract: button[data-kb-copy])');
          await page.evaluate((t) => navigator.clipboard.writeText(t), sentinel);
          await page.locator('button[data-kb-copy]').first().click();
          let copied = '';
          await waitUntil(async () => (copied = await readClipboard(page)) !== sentinel, 3_000);
          expect(copied, `${path}: clipboard after clicking button[data-kb-copy]`).toBe(canonical);
          const status = page.locator('[data-kb-copy-status]').first();
          await requireElement(page, '[data-kb-copy-status]', 'copy confirmation (contract: [data-kb-copy-status])');
          const confirmed = await waitUntil(async () => (await status.isVisible()) && (await status.innerText()).trim() !== '', 3_000);
          expect(confirmed, `${path}: [data-kb-copy-status] should show a confirmation after copying`).toBe(true);

          await requireElement(page, 'button[data-kb-copy-section="fix"]', 'copy-section button (contract: button[data-kb-copy-section="fix"])');
          await page.evaluate((t) => navigator.clipboard.writeText(t), sentinel);
          await page.locator('button[data-kb-copy-section="fix"]').first().click();
          await waitUntil(async () => (copied = await readClipboard(page)) !== sentinel, 3_000);
          expect(copied, `${path}: clipboard after clicking button[data-kb-copy-section="fix"]`).toBe(`${canonical}#fix`);

          // The shared link, opened by someone else (a fresh context) on this server.
          const shared = new URL(copied);
          const fresh = await s.newContext();
          try {
            await withPage(async (other) => {
              await other.goto(s.url(shared.pathname + shared.search + shared.hash));
              await other.waitForLoadState('load');
              await expectFixInView(other, `shared link ${shared.pathname}${shared.hash}`);
            }, fresh);
          } finally {
            await s.closeContext(fresh);
          }
        }, ctx);
      });
    }
  });

  describe('no JavaScript: reading, fixes and language links work', () => {
    let ctx: BrowserContext;
    beforeAll(async () => {
      ctx = await s.newContext({ javaScriptEnabled: false });
    });
    afterAll(async () => {
      if (ctx) await s.closeContext(ctx);
    });

    for (const l of localeKeys) {
      it(`${l}`, async () => {
        await withPage(async (page) => {
          const path = `/${l}/reasons/photo-quality/`;
          await page.goto(s.url(path));
          // With scripts on, Starlight's language picker defines its custom element; here it must not.
          expect(await page.evaluate(() => customElements.get('starlight-lang-select') === undefined), 'JavaScript should be off in this context').toBe(true);
          const h1 = (await page.locator('main h1, h1#_top').first().innerText()).trim();
          expect(h1, `${path}: title`).not.toBe('');
          expect(await page.title()).toContain(h1);
          const messages = page.locator('ul.kb-messages li');
          expect(await messages.count(), `${path}: messages`).toBeGreaterThanOrEqual(1);
          expect(await messages.first().isVisible()).toBe(true);

          const fix = page.locator('ol.kb-fix-list a').first();
          const fixHref = await fix.getAttribute('href');
          await fix.click();
          await page.waitForURL((u) => new RegExp(`^/${l}/fixes/[^/]+/$`).test(u.pathname));
          expect(new URL(page.url()).pathname).toBe(new URL(fixHref!, s.url(path)).pathname);
          expect((await page.locator('h1').first().innerText()).trim()).not.toBe('');
          await page.goBack();
          expect(pathOf(page)).toBe(path);

          await requireElement(page, 'nav.kb-langs a[hreflang]', 'language links without JavaScript (contract: nav.kb-langs a[hreflang])');
          for (const b of localeKeys.filter((x) => x !== l)) {
            const link = page.locator(`nav.kb-langs a[hreflang="${locales[b].lang}"]`).first();
            expect(await link.count(), `${path}: nav.kb-langs has no link with hreflang="${locales[b].lang}"`).toBe(1);
            await link.click();
            await page.waitForURL((u) => u.pathname === `/${b}/reasons/photo-quality/`);
            expect(await page.locator('html').getAttribute('lang')).toBe(locales[b].lang);
            expect(await page.locator('ul.kb-messages li').count()).toBeGreaterThanOrEqual(1);
            await page.goBack();
            expect(pathOf(page)).toBe(path);
          }
        }, ctx);
      });
    }
  });

  it('privacy & CSP: no other origin, no cookies, no storage but the theme, no CSP violations, no console errors', async () => {
    expect(s.requests.length, 'the journeys should have made requests (is request recording working?)').toBeGreaterThan(50);
    const problems = await s.privacyProblems();
    expect(problems, `privacy/CSP problems during the journeys:\n${problems.join('\n')}`).toEqual([]);
  });
});
