/**
 * The frontmatter schema of every article, in one place. Used by `src/content.config.ts`
 * (through Starlight's `docsSchema({ extend })`) and by the content gate that runs in the
 * build and in the tests, so both judge a file the same way.
 *
 * Field by field (README "Frontmatter" repeats this for authors):
 *   title        what the reader would say the problem is ("My ID photo was rejected").
 *   description  one sentence; shown under the title, in search results and in link previews.
 *   kind         reason | fix | guide | hub — decides which other fields exist.
 *   reviewed     the date a person last checked the article against its sources (YYYY-MM-DD).
 *   sources      at least one { title, url } — https only, official hosts only (see trust.ts).
 *   translatedFrom  translations only: the revision of the English article this text follows
 *                (printed by `npm run i18n:status`); English articles leave it out.
 *   scamWarning  true shows the localized fake-support warning at the end of the article.
 *   redirectFrom old paths (without locale, e.g. "reasons/old-id") that should keep working.
 *
 *   reason only:
 *     category   one of `categories` below; groups the triage table.
 *     symptom    one line: what the reader notices.
 *     messages   what the reader may see on screen: { text, lang, verbatim, source }.
 *                verbatim: true only for strings the fact sheet quotes as real on-screen text,
 *                with the source URL; everything else is shown as a paraphrase.
 *     fixes      one or more fix ids (language-neutral: `retake-document-photo`).
 *     related    other reason ids (optional).
 *   hub only:
 *     hub        which generated page this is: `landing` (/<locale>/), `triage` (/<locale>/reasons/)
 *                or `search` (/<locale>/search/?q=…, a shareable search).
 */
import { z } from 'astro/zod';
import { localeKeys } from './locales.ts';

export const kinds = ['reason', 'fix', 'guide', 'hub'] as const;
export type Kind = (typeof kinds)[number];

/** URL segment of each kind: /<locale>/<segment>/<id>/ */
export const kindDirs = { reason: 'reasons', fix: 'fixes', guide: 'guides' } as const;

export const categories = ['document', 'personal-details', 'face-and-camera', 'account-status'] as const;
export type Category = (typeof categories)[number];

const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use an English kebab-case id such as "retake-document-photo"');

const httpsUrl = z
  .string()
  .url('write a full URL such as https://www.binance.com/en/support/faq/...')
  .refine((u) => u.startsWith('https://'), 'sources and links must use https://');

const source = z.object({ title: z.string().min(1), url: httpsUrl }).strict();

const message = z
  .object({
    text: z.string().min(1),
    /** the language the text is written in (English strings appear on every locale's page) */
    lang: z.enum(localeKeys as [string, ...string[]]),
    verbatim: z.boolean().default(false),
    source: httpsUrl.optional(),
  })
  .strict()
  .refine((m) => !m.verbatim || m.source, {
    message: 'a verbatim message needs `source`: the URL where this exact on-screen text is documented',
    path: ['source'],
  });

const common = {
  title: z.string().min(1),
  description: z
    .string()
    .min(1)
    .max(220, 'keep the description to one sentence (at most 220 characters)'),
  reviewed: z.coerce.date(),
  sources: z.array(source).min(1, 'list at least one source'),
  translatedFrom: z.string().regex(/^[0-9a-f]{10}$/, 'write the quoted 10-character revision printed by `npm run i18n:status`, e.g. translatedFrom: "3f9a0c21be"').optional(),
  scamWarning: z.boolean().default(false),
  redirectFrom: z.array(z.string().regex(/^(reasons|fixes|guides)\/[a-z0-9-]+$/, 'write old paths like "reasons/old-id"')).default([]),
};

export const reasonSchema = z
  .object({
    ...common,
    kind: z.literal('reason'),
    category: z.enum(categories),
    symptom: z.string().min(1),
    messages: z.array(message).min(1, 'list at least one message the reader may see'),
    fixes: z.array(id).min(1, 'a reason needs at least one fix id'),
    related: z.array(id).default([]),
  })
  .strict();

export const fixSchema = z.object({ ...common, kind: z.literal('fix') }).strict();
export const guideSchema = z.object({ ...common, kind: z.literal('guide') }).strict();
export const hubSchema = z
  .object({ ...common, kind: z.literal('hub'), hub: z.enum(['landing', 'triage', 'search']) })
  .strict();

/** Our fields, discriminated by `kind`. */
export const articleSchema = z.discriminatedUnion('kind', [reasonSchema, fixSchema, guideSchema, hubSchema]);

export type Article = z.infer<typeof articleSchema>;
export type ReasonData = z.infer<typeof reasonSchema>;

/**
 * Starlight's own frontmatter fields that authors may also use; the gate validates
 * `articleSchema` extended with these (Starlight validates the rest again in the build).
 */
export const starlightFields = ['template', 'hero', 'sidebar', 'tableOfContents', 'pagefind', 'head', 'prev', 'next', 'banner', 'editUrl', 'lastUpdated', 'draft'] as const;

/** The same schema without `.strict()`, for Starlight's `extend` (it merges its own fields in). */
export const extendSchema = z.discriminatedUnion('kind', [
  reasonSchema.strip(),
  fixSchema.strip(),
  guideSchema.strip(),
  hubSchema.strip(),
]);
