/**
 * Builds the site once before the test files run (they read dist/ and serve it). Set
 * KB_SKIP_BUILD=1 to reuse an existing dist/ while working on tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export default function setup() {
  const root = fileURLToPath(new URL('../', import.meta.url));
  if (process.env.KB_SKIP_BUILD === '1' && existsSync(`${root}/dist/en/index.html`)) return;
  const started = Date.now();
  const r = spawnSync(process.execPath, [`${root}/node_modules/astro/bin/astro.mjs`, 'build'], { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  if (r.status !== 0) {
    const out = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => !/MODULE_LEVEL_DIRECTIVE|^\s*[│╭╰─]|may not be preserved/.test(l)).join('\n');
    throw new Error(`astro build failed (exit ${r.status}); its output:\n${out.slice(-6000)}`);
  }
  console.log(`[setup] astro build: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
