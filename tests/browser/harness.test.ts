/**
 * The harness's privacy & CSP recorders can fail: a probe page (served on the test server's origin
 * through a route, never touching the network) does everything the journeys must not do, and each
 * of those is reported — while Starlight's theme key alone is allowed.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BrowserSession, browserSuite } from './harness.ts';

const PROBE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>probe</title></head><body>
<img src="http://foreign.invalid/pixel.png" alt="">
<script>
  console.error('probe console error');
  document.cookie = 'probe=1; path=/';
  localStorage.setItem('starlight-theme', 'dark');
  localStorage.setItem('probe-key', '1');
  fetch('http://blocked.invalid/data').catch(() => {});
</script>
</body></html>`;

browserSuite('browser harness', () => {
  let s: BrowserSession;
  beforeAll(async () => {
    s = await BrowserSession.start();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('records other origins, console errors, CSP violations, dialogs, cookies and localStorage', async () => {
    const ctx = await s.newContext();
    await ctx.route('http://foreign.invalid/**', (r) => r.abort());
    await ctx.route(s.url('/__probe/'), (r) =>
      r.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': "default-src 'self'; script-src 'unsafe-inline'; img-src 'self' http://foreign.invalid; connect-src 'self'" },
        body: PROBE,
      }),
    );
    const page = await ctx.newPage();
    await page.goto(s.url('/__probe/'));
    await page.evaluate(() => setTimeout(() => alert('probe dialog'), 0));
    await page.waitForTimeout(500);
    const inPage = await page.evaluate(() => (window as unknown as { __cspViolations: { directive: string }[] }).__cspViolations.map((v) => v.directive));
    expect(inPage).toContain('connect-src');

    const problems = (await s.privacyProblems()).join('\n');
    expect(problems).toMatch(/request to another origin: http:\/\/foreign\.invalid\/pixel\.png/);
    expect(problems).toMatch(/console error: .*probe console error/);
    expect(problems).toMatch(/securitypolicyviolation: .*connect-src.*blocked\.invalid/);
    expect(problems).toMatch(/JavaScript dialog opened: alert "probe dialog"/);
    expect(problems).toMatch(/cookie set .*probe/);
    expect(problems).toMatch(/localStorage key other than starlight-theme .*probe-key/);
    expect(problems).not.toMatch(/localStorage[^\n]*: starlight-theme/);
    await s.closeContext(ctx);
    // Closed contexts keep their findings.
    expect((await s.privacyProblems()).join('\n')).toMatch(/cookie set .*probe/);
  });
});
