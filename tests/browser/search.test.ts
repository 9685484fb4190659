/**
 * The search UI in a real browser (Chromium), in every locale, against the contract:
 * header button `button[data-kb-search-open]` → `dialog#kb-search`, labelled input
 * `#kb-search-input`, results `ol#kb-search-results li a.kb-result` each showing `.kb-result-kind`;
 * the shareable page /<l>/search/?q=… (`ol#kb-search-page-results`, `#kb-search-page-status`);
 * keyboard use (Control+K, Tab, Escape, Enter). Hostile queries stay text. Ends with the privacy &
 * CSP check over everything these tests did.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { localeKeys } from '../../src/model/locales.ts';
import { ui } from '../../src/model/ui.ts';
import { BrowserSession, browserSuite, pathOf, requireElement, waitUntil } from './harness.ts';

/** An English on-screen message readers paste (in every locale: the app often shows English). */
const MESSAGE = 'Your withdrawal may be at risk. You can try again in 24 hours.';
const EXPECTED = 'reasons/withdrawals-suspended-after-face-check';
const GARBAGE = '\u0000\u0001\u0002\ufffd\ufffd\u0007' + '\ufffd'.repeat(300);
const HOSTILE = '<img src=x onerror=alert(1)>';

const OPEN = 'button[data-kb-search-open]';
const DIALOG = 'dialog#kb-search';
const INPUT = '#kb-search-input';
const RESULT_LINKS = 'ol#kb-search-results li a.kb-result';
const PAGE_RESULTS = 'ol#kb-search-page-results';
const PAGE_STATUS = '#kb-search-page-status';

browserSuite('browser search', () => {
  let s: BrowserSession;
  beforeAll(async () => {
    s = await BrowserSession.start();
  });
  afterAll(async () => {
    await s?.close();
  });

  async function withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    const page = await s.page();
    try {
      return await fn(page);
    } finally {
      await page.close();
    }
  }

  async function dialogOpen(page: Page): Promise<boolean> {
    return page.evaluate((sel) => {
      const d = document.querySelector(sel);
      return d instanceof HTMLDialogElement && d.open;
    }, DIALOG);
  }

  /** The accessible name of the element, from aria-labelledby, aria-label or its <label>s. */
  async function accessibleName(page: Page, selector: string): Promise<string> {
    return page.evaluate((sel) => {
      const el = document.querySelector(sel);
      if (!el) return '';
      const by = el.getAttribute('aria-labelledby');
      if (by) return by.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
      const aria = el.getAttribute('aria-label');
      if (aria) return aria.trim();
      const labels = (el as HTMLInputElement).labels;
      return labels ? [...labels].map((l) => l.textContent ?? '').join(' ').trim() : '';
    }, selector);
  }

  const activeMatches = (page: Page, selector: string) => page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector);

  describe('search dialog: paste a message, open the first result', () => {
    for (const l of localeKeys) {
      it(`${l}`, async () => {
        await withPage(async (page) => {
          await page.goto(s.url(`/${l}/`));
          await requireElement(page, OPEN, 'header search button (contract: button[data-kb-search-open])');
          await requireElement(page, DIALOG, 'search dialog (contract: dialog#kb-search)');
          await page.locator(OPEN).filter({ visible: true }).first().click();
          expect(await waitUntil(() => dialogOpen(page), 3_000), `/${l}/: clicking ${OPEN} should open ${DIALOG}`).toBe(true);
          await requireElement(page, INPUT, 'search input (contract: #kb-search-input)');
          expect(await accessibleName(page, INPUT), `${INPUT} needs an accessible label`).not.toBe('');
          await page.locator(INPUT).fill(MESSAGE);
          const results = page.locator(RESULT_LINKS);
          await results.first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {
            throw new Error(`/${l}/: no results (${RESULT_LINKS}) for the pasted message ${JSON.stringify(MESSAGE)}`);
          });
          const items = page.locator('ol#kb-search-results li');
          const n = await items.count();
          for (let i = 0; i < n; i++) {
            const kind = items.nth(i).locator('.kb-result-kind');
            expect(await kind.count(), `/${l}/: result ${i + 1} shows no .kb-result-kind`).toBeGreaterThanOrEqual(1);
            expect((await kind.first().innerText()).trim(), `/${l}/: result ${i + 1} has an empty .kb-result-kind`).not.toBe('');
          }
          await results.first().click();
          await page.waitForURL((u) => u.pathname === `/${l}/${EXPECTED}/`).catch(() => {
            throw new Error(`/${l}/: the first result for ${JSON.stringify(MESSAGE)} led to ${pathOf(page)}, expected /${l}/${EXPECTED}/`);
          });
        });
      });
    }
  });

  describe('search page: /<l>/search/?q=… shows the same results; hostile queries stay text', () => {
    for (const l of localeKeys) {
      it(`${l}: shareable results`, async () => {
        await withPage(async (page) => {
          const path = `/${l}/search/`;
          const res = await page.goto(s.url(`${path}?q=${encodeURIComponent(MESSAGE)}`));
          expect(res?.status(), `${path} should exist (status)`).toBe(200);
          await requireElement(page, PAGE_RESULTS, `search page results (contract: ${PAGE_RESULTS})`);
          const first = page.locator(`${PAGE_RESULTS} li a`).first();
          await first.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {
            throw new Error(`${path}?q=…: no results in ${PAGE_RESULTS} for ${JSON.stringify(MESSAGE)}`);
          });
          const href = await first.getAttribute('href');
          expect(new URL(href ?? '', page.url()).pathname, `${path}?q=…: first result`).toBe(`/${l}/${EXPECTED}/`);
        });
      });

      it(`${l}: hostile query is shown only as text`, async () => {
        await withPage(async (page) => {
          const path = `/${l}/search/`;
          const dialogsBefore = s.dialogs.length;
          const mark = s.requests.length;
          const res = await page.goto(s.url(`${path}?q=${encodeURIComponent(HOSTILE)}`));
          expect(res?.status(), `${path} should exist (status)`).toBe(200);
          await requireElement(page, PAGE_STATUS, `search page status (contract: ${PAGE_STATUS})`);
          const status = page.locator(PAGE_STATUS);
          const t = ui[l].search;
          let text = '';
          const settled = await waitUntil(async () => {
            text = (await status.innerText()).trim();
            return text !== '' && text !== t.empty && text !== t.loading;
          }, 10_000);
          expect(settled, `${path}?q=…: ${PAGE_STATUS} never showed an outcome (still "${text}")`).toBe(true);
          await page.waitForTimeout(300); // give an injected <img onerror> time to fire, if there were one
          // Text only: nothing was built from the query's markup, nothing ran, nothing was fetched.
          const injected = await page.evaluate(() => document.querySelectorAll('img[src="x"], [onerror]').length);
          expect(injected, `${path}?q=…: the query created elements from markup`).toBe(0);
          expect(s.dialogs.length, `${path}?q=…: a JavaScript dialog opened`).toBe(dialogsBefore);
          const echoed = await page.evaluate((q) => document.body.innerText.includes(q) || [...document.querySelectorAll('input')].some((i) => i.value === q), HOSTILE);
          expect(echoed, `${path}?q=…: the query should be shown back as text (page text or a search box value)`).toBe(true);
          const fetchedX = s.requestsSince(mark).filter((r) => /\/x$/.test(new URL(r.url).pathname));
          expect(fetchedX.map((r) => r.url), `${path}?q=…: the browser fetched the injected image`).toEqual([]);
          // A calm answer: its words are searched as text (results or "nothing found"), never an error.
          expect(await status.isVisible(), `${PAGE_STATUS} should be visible`).toBe(true);
          const calm = text.includes(t.noResults) || text === t.results.replace('{n}', String(await page.locator(`${PAGE_RESULTS} li`).count()));
          expect(calm, `${path}?q=${HOSTILE}: ${PAGE_STATUS} should show results or "${t.noResults}", but says "${text}"`).toBe(true);
        });
      });

      it(`${l}: binary garbage gives the calm no-results state`, async () => {
        await withPage(async (page) => {
          const path = `/${l}/search/`;
          await page.goto(s.url(`${path}?q=${encodeURIComponent(GARBAGE)}`));
          const status = page.locator(PAGE_STATUS);
          const t = ui[l].search;
          let text = '';
          const settled = await waitUntil(async () => {
            text = (await status.innerText()).trim();
            return text.includes(t.noResults);
          }, 10_000);
          expect(settled, `${path}?q=<garbage>: ${PAGE_STATUS} should say "${t.noResults}" but says "${text}"`).toBe(true);
          expect(await page.locator(`${PAGE_RESULTS} li`).count()).toBe(0);
        });
      });
    }
  });

  describe('keyboard: Control+K, Tab to results, Escape; header button by Tab + Enter', () => {
    for (const l of localeKeys) {
      it(`${l}`, async () => {
        await withPage(async (page) => {
          await page.goto(s.url(`/${l}/reasons/photo-quality/`));
          await requireElement(page, DIALOG, 'search dialog (contract: dialog#kb-search)');
          await page.keyboard.press('Control+k');
          expect(await waitUntil(() => dialogOpen(page), 3_000), `/${l}/: Control+K should open ${DIALOG}`).toBe(true);
          expect(await waitUntil(() => activeMatches(page, INPUT), 2_000), `/${l}/: focus should be in ${INPUT} after Control+K`).toBe(true);
          await page.keyboard.type(MESSAGE, { delay: 5 });
          await page.locator(RESULT_LINKS).first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {
            throw new Error(`/${l}/: no results (${RESULT_LINKS}) after typing the message`);
          });
          let reached = false;
          for (let i = 0; i < 6 && !reached; i++) {
            await page.keyboard.press('Tab');
            reached = await activeMatches(page, RESULT_LINKS);
          }
          expect(reached, `/${l}/: Tab from the input should reach a result link within 6 presses`).toBe(true);
          await page.keyboard.press('Escape');
          expect(await waitUntil(async () => !(await dialogOpen(page)), 2_000), `/${l}/: Escape should close the dialog`).toBe(true);

          // From the top of a freshly loaded page, Tab reaches the header search button; Enter opens it.
          await page.goto(s.url(`/${l}/`));
          await requireElement(page, OPEN, 'header search button (contract: button[data-kb-search-open])');
          let onButton = false;
          for (let i = 0; i < 25 && !onButton; i++) {
            await page.keyboard.press('Tab');
            onButton = await activeMatches(page, OPEN);
          }
          expect(onButton, `/${l}/: ${OPEN} should be reachable with Tab (within 25 presses)`).toBe(true);
          await page.keyboard.press('Enter');
          expect(await waitUntil(() => dialogOpen(page), 3_000), `/${l}/: Enter on the search button should open the dialog`).toBe(true);
          expect(await waitUntil(() => activeMatches(page, INPUT), 2_000), `/${l}/: focus should be in ${INPUT} after opening with Enter`).toBe(true);
          await page.keyboard.press('Escape');
          expect(await waitUntil(async () => !(await dialogOpen(page)), 2_000)).toBe(true);
        });
      });
    }
  });

  it('privacy & CSP: no other origin, no cookies, no storage but the theme, no CSP violations, no console errors', async () => {
    expect(s.requests.length, 'the tests should have made requests (is request recording working?)').toBeGreaterThan(20);
    const problems = await s.privacyProblems();
    expect(problems, `privacy/CSP problems during the search tests:\n${problems.join('\n')}`).toEqual([]);
  });
});
