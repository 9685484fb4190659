import { defineCollection } from 'astro:content';
import { AstroError } from 'astro/errors';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { fileURLToPath } from 'node:url';
import { extendSchema } from './model/schema.ts';
import { checkContent, formatProblem } from './model/gate.ts';

const contentDir = fileURLToPath(new URL('../content/', import.meta.url));
const root = fileURLToPath(new URL('../', import.meta.url));

/** Starlight's loader, behind the content gate: the build stops on the first load if any rule fails. */
function gatedDocsLoader() {
  const inner = docsLoader();
  return {
    ...inner,
    name: 'kyc-gated-docs-loader',
    async load(context: Parameters<typeof inner.load>[0]) {
      const { problems } = checkContent(contentDir, root);
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
