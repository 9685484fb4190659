import { defineCollection } from 'astro:content';
import { AstroError } from 'astro/errors';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extendSchema } from './model/schema.ts';
import { checkContent, formatProblem } from './model/gate.ts';

const contentDir = fileURLToPath(new URL('../content/', import.meta.url));
const root = fileURLToPath(new URL('../', import.meta.url));
const modelDir = fileURLToPath(new URL('./model/', import.meta.url));

/**
 * sha256 over the gate's whole input: every file in content/ and in its own rules (src/model/),
 * plus the lockfile (the parsers' versions). A tree that passed the gate is not parsed again.
 */
function gateFingerprint(): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else h.update(full).update('\0').update(readFileSync(full)).update('\0');
    }
  };
  walk(contentDir);
  walk(modelDir);
  for (const f of ['package.json', 'package-lock.json']) if (existsSync(join(root, f))) h.update(readFileSync(join(root, f)));
  return h.digest('hex');
}

/** Starlight's loader, behind the content gate: the build stops on the first load if any rule fails (a passed, unchanged tree is remembered). */
function gatedDocsLoader() {
  const inner = docsLoader();
  return {
    ...inner,
    name: 'kyc-gated-docs-loader',
    async load(context: Parameters<typeof inner.load>[0]) {
      const passed = join(root, 'node_modules', '.cache', 'kyc-gate', `${gateFingerprint()}.ok`);
      const { problems } = existsSync(passed) ? { problems: [] } : checkContent(contentDir, root);
      if (problems.length === 0 && !existsSync(passed)) {
        mkdirSync(join(passed, '..'), { recursive: true });
        writeFileSync(passed, '');
      }
      if (problems.length > 0) {
        const report = `The content gate found ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}\nFix each file named above (npm run check:content lists them again).`;
        // In `astro build/check/sync`, print the list and stop: a stack trace would only hide it.
        if (!process.argv.includes('dev')) {
          context.logger.error(report);
          process.exit(1);
        }
        throw new AstroError(report);
      }
      return inner.load(context);
    },
  };
}

export const collections = {
  docs: defineCollection({ loader: gatedDocsLoader(), schema: docsSchema({ extend: extendSchema }) }),
  // Starlight UI labels its own translations leave in English for zh-CN and ja.
  i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema() }),
};
