/**
 * Every built page is valid HTML for the Nu HTML Checker (vnu, node_modules/vnu-jar): zero errors,
 * except the one pattern Starlight produces on purpose, allowlisted in VNU_ALLOWED below and
 * nowhere else. One JVM run checks every page plus a planted page with known errors, which proves
 * the checker really ran and that the allowlist lets nothing else through.
 * Needs Java (17+): missing Java skips this file loudly on a workstation and fails under CI=true.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dist, htmlFiles, root } from './helpers/site.ts';

/**
 * The vnu errors we accept, each with why. This is the only allowlist for HTML validity.
 *
 * Starlight's sidebar (node_modules/@astrojs/starlight/dist/components/SidebarPersister.astro) puts
 * `aria-hidden="true"` on its two inline `<script>`s on purpose: Safari/VoiceOver reads the text of a
 * script aloud when it sits inside a `display: contents` container
 * (https://bugs.webkit.org/show_bug.cgi?id=283645, https://github.com/withastro/starlight/pull/2633).
 * vnu flags the attribute on `<script>`; allowed only with this exact message, only on that exact
 * start tag, and at most twice per page (the two scripts of that one component).
 */
export const VNU_ALLOWED: readonly { message: string; extract: string; perPage: number }[] = [
  {
    message: 'The “aria-hidden” attribute must not be specified on the “script” element.',
    extract: '<script aria-hidden="true">',
    perPage: 2,
  },
];

interface VnuMessage { type: string; subType?: string; url?: string; message: string; extract?: string; hiliteStart?: number; hiliteLength?: number; lastLine?: number; firstColumn?: number; lastColumn?: number }

const vnuJar = join(root, 'node_modules/vnu-jar/build/dist/vnu.jar');
const INSTALL_HINT = 'install Java 17+: apt-get install -y default-jre-headless';
const hasJava = !spawnSync('java', ['-version'], { encoding: 'utf8' }).error;

/** Errors left after the allowlist, per file; `allowed` counts the tolerated ones. */
function unexpectedErrors(messages: VnuMessage[]): { errors: Map<string, VnuMessage[]>; allowed: number } {
  const errors = new Map<string, VnuMessage[]>();
  const used = new Map<string, number>();
  let allowed = 0;
  for (const m of messages) {
    if (m.type !== 'error' && m.type !== 'non-document-error') continue;
    const file = m.url?.startsWith('file:') ? fileURLToPath(m.url) : (m.url ?? '(no file)');
    const rule = VNU_ALLOWED.findIndex((a) => m.type === 'error' && m.message === a.message && (m.extract ?? '').includes(a.extract));
    if (rule !== -1) {
      const key = `${rule}\u0000${file}`;
      const n = (used.get(key) ?? 0) + 1;
      used.set(key, n);
      if (n <= VNU_ALLOWED[rule]!.perPage) {
        allowed++;
        continue;
      }
    }
    errors.set(file, [...(errors.get(file) ?? []), m]);
  }
  return { errors, allowed };
}

/** The flagged part of vnu's extract, shortened. */
function flagged(m: VnuMessage): string {
  if (!m.extract) return '';
  const part = m.hiliteStart !== undefined && m.hiliteLength ? m.extract.slice(m.hiliteStart, m.hiliteStart + m.hiliteLength) : m.extract;
  const one = part.replace(/\s+/g, ' ').trim();
  return `  [${one.length > 160 ? one.slice(0, 157) + '…' : one}]`;
}

const format = (errors: Map<string, VnuMessage[]>, base: string) =>
  [...errors].flatMap(([file, ms]) => ms.map((m) => `  ${relative(base, file)}:${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'}  ${m.message}${flagged(m)}`)).join('\n');

describe('HTML validity (Nu HTML Checker)', () => {
  if (!hasJava) {
    it('needs Java to run vnu', (ctx) => {
      if (process.env.CI === 'true') throw new Error(`java is not on PATH, so the HTML of the built site was not validated: ${INSTALL_HINT}`);
      console.warn(`\n⚠⚠ SKIPPED tests/html.test.ts: java is not on PATH, the built HTML is NOT validated. ${INSTALL_HINT}\n`);
      ctx.skip(`java missing: ${INSTALL_HINT}`);
    });
    return;
  }

  let pages: string[] = [];
  let tmp = '';
  let planted = '';
  let messages: VnuMessage[] = [];
  let seconds = 0;

  beforeAll(() => {
    if (!existsSync(vnuJar)) throw new Error(`vnu.jar not found at ${relative(root, vnuJar)}: the vnu-jar devDependency is missing (npm ci)`);
    pages = htmlFiles().map((f) => join(dist, f));
    if (pages.length === 0) throw new Error('dist/ has no HTML pages: build the site first (npx astro build)');
    // A page with two planted errors: a duplicate id, and a third aria-hidden script (one over the per-page allowance).
    tmp = mkdtempSync(join(tmpdir(), 'kb-vnu-'));
    planted = join(tmp, 'planted.html');
    const script = '<script aria-hidden="true">void 0</script>';
    writeFileSync(planted, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>planted</title></head><body><main><p id="kb-dup">a</p><p id="kb-dup">b</p>${script.repeat(3)}</main></body></html>`);

    const started = Date.now();
    const r = spawnSync('java', ['-jar', vnuJar, '--format', 'json', '--errors-only', '--stdout', '--exit-zero-always', '--skip-non-html', ...pages, planted], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    seconds = (Date.now() - started) / 1000;
    if (r.error || r.status !== 0) throw new Error(`vnu did not run (exit ${r.status}): ${r.error?.message ?? ''}\n${r.stderr.slice(-3000)}`);
    try {
      messages = (JSON.parse(r.stdout) as { messages: VnuMessage[] }).messages;
    } catch {
      throw new Error(`vnu printed no JSON report; its output:\n${r.stdout.slice(0, 2000)}\n${r.stderr.slice(-2000)}`);
    }
  }, 600_000);
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('every built page has 0 errors (apart from VNU_ALLOWED)', () => {
    const { errors, allowed } = unexpectedErrors(messages.filter((m) => m.url !== undefined && !m.url.includes(tmp)));
    const count = [...errors.values()].reduce((n, ms) => n + ms.length, 0);
    console.log(`vnu: ${pages.length} pages validated in ${seconds.toFixed(1)} s, ${count} errors, ${allowed} allowlisted (Starlight's <script aria-hidden>)`);
    expect(pages.length).toBeGreaterThan(0);
    expect(count, `${count} HTML errors in ${errors.size} pages (file:line:column  message  [extract]):\n${format(errors, root)}\n`).toBe(0);
  });

  it('catches the planted errors and lets through only the allowlisted pattern', () => {
    const { errors } = unexpectedErrors(messages.filter((m) => m.url !== undefined && m.url.includes(tmp)));
    const found = (errors.get(planted) ?? []).map((m) => m.message);
    expect(found, `planted page errors:\n${format(errors, tmp)}`).toEqual(
      expect.arrayContaining([expect.stringContaining('Duplicate ID “kb-dup”'), VNU_ALLOWED[0]!.message]),
    );
    expect(found).toHaveLength(2);
  });
});
