/**
 * Throwaway projects for the bench, always under os.tmpdir():
 * - a copy of this project (config, src/, public/, tsconfig, package.json) with its own content/;
 * - a stock Starlight project (plain `starlight({ title, defaultLocale, locales })`, no overrides)
 *   with the same pages as plain Markdown.
 * They reuse this repo's installed packages without installing anything: one run folder holds
 * `node_modules/` as HARD LINKS to this repo's files (same inodes, no copy, no download), and the
 * projects are its subfolders, so Node finds the packages by walking up. Symlinks do not work:
 * Astro resolves them to /work/main/node_modules, outside the temp project's root, and then fails
 * with "No cached compile metadata found for …Page.astro" (it reads such paths as root-relative).
 * The repo's cache folders (node_modules/.astro, .vite, .cache …) are not linked: each bench build
 * starts cold and never writes into the repo's caches. Builds never rewrite package files, so the
 * shared inodes are only read.
 */
import { cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { locales } from '../../src/model/locales.ts';
import { root } from './util.ts';
import type { GeneratedFile } from './synthetic.ts';

function hardLinkTree(from: string, to: string): number {
  let n = 0;
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const a = join(from, entry.name);
    const b = join(to, entry.name);
    if (entry.isDirectory()) n += hardLinkTree(a, b);
    else if (entry.isSymbolicLink()) cpSync(a, b, { verbatimSymlinks: true });
    else {
      try {
        linkSync(a, b);
      } catch {
        cpSync(a, b); // another file system: copy
      }
      n++;
    }
  }
  return n;
}

/** `base`/node_modules: this repo's packages as hard links, without its caches (dot folders). Returns the file count. */
export function linkPackages(base: string): number {
  const source = join(root, 'node_modules');
  const target = join(base, 'node_modules');
  mkdirSync(target, { recursive: true });
  let n = 0;
  for (const entry of readdirSync(source, { withFileTypes: true })) {
    if (entry.name.startsWith('.') && entry.name !== '.bin') continue;
    const a = join(source, entry.name);
    const b = join(target, entry.name);
    if (entry.isSymbolicLink()) cpSync(a, b, { verbatimSymlinks: true });
    else if (entry.isDirectory()) n += hardLinkTree(a, b);
  }
  return n;
}

/** Remove the caches a build left in the shared run folder (e.g. OG cards in node_modules/.cache). */
export function clearSharedCaches(base: string): void {
  for (const name of readdirSync(join(base, 'node_modules'))) {
    if (name.startsWith('.') && name !== '.bin') rmSync(join(base, 'node_modules', name), { recursive: true, force: true });
  }
}

export function writeFiles(base: string, files: GeneratedFile[]): void {
  for (const f of files) {
    const full = join(base, f.path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, f.text);
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}

/** Every article file of the repo's content/ (paths relative to content/). */
export function realContent(): GeneratedFile[] {
  const contentDir = join(root, 'content');
  return walk(contentDir)
    .filter((f) => /\.mdx?$/.test(f))
    .map((f) => ({ path: relative(contentDir, f).split(sep).join('/'), text: readFileSync(f, 'utf8') }));
}

function frontmatterOf(raw: string, file: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(raw);
  if (!m) throw new Error(`${file}: no YAML frontmatter between two --- lines; the bench cannot convert it`);
  return { data: (parseYaml(m[1]!) ?? {}) as Record<string, unknown>, body: raw.slice(m[0].length) };
}

/** The hub pages of the repo (kind: hub — landing, triage, search…), kept as they are. */
export function realHubs(): GeneratedFile[] {
  return realContent().filter((f) => frontmatterOf(f.text, f.path).data.kind === 'hub');
}

/**
 * An article as stock Starlight accepts it: only title and description kept, MDX import lines and
 * the project's component tags removed, `{#id}` heading attributes removed (stock Starlight has no
 * heading-attribute syntax). `ext` 'mdx' keeps the file an MDX file, as the project's are (the
 * same articles, compiled the same way); 'md' makes it plain Markdown, which Astro renders once
 * and caches between builds (reported for information).
 */
export function toStockArticle(f: GeneratedFile, ext: 'mdx' | 'md'): GeneratedFile {
  const { data, body } = frontmatterOf(f.text, f.path);
  if (typeof data.title !== 'string') throw new Error(`${f.path}: frontmatter has no title; the bench needs one to build the stock copy`);
  const fm = [`title: ${JSON.stringify(data.title)}`];
  if (typeof data.description === 'string') fm.push(`description: ${JSON.stringify(data.description)}`);
  const plain = body
    .split('\n')
    .filter((l) => !/^\s*import\s.+\sfrom\s+['"][^'"]+['"];?\s*$/.test(l))
    .map((l) => l.replace(/<[A-Z][\w.]*(\s[^>]*)?\/>/g, '').replace(/^(#{1,6}\s.*?)\s*\{#[A-Za-z0-9_-]+\}\s*$/, '$1'))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
  return { path: f.path.replace(/\.mdx$/, `.${ext}`), text: `---\n${fm.join('\n')}\n---\n${plain}` };
}

/** A copy of this project in `dir` with `content` (paths relative to content/) as its articles. */
export function makeProjectCopy(dir: string, content: GeneratedFile[]): void {
  for (const name of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public']) {
    const from = join(root, name);
    if (!existsSync(from)) throw new Error(`the bench copies ${from} into its temporary project, but it does not exist`);
    cpSync(from, join(dir, name), { recursive: true, verbatimSymlinks: true });
  }
  // src/content/docs is a relative symlink to ../../content: it now points at the copy's content/.
  writeFiles(join(dir, 'content'), content);
}

/** A stock Starlight project in `dir` with `content` (project-form files, see toStockArticle). */
export function makeStockProject(dir: string, content: GeneratedFile[], ext: 'mdx' | 'md' = 'mdx'): void {
  const localeConfig = Object.fromEntries(Object.entries(locales).map(([key, l]) => [key, key === l.lang ? { label: l.label } : { label: l.label, lang: l.lang }]));
  // The dependencies matter: Astro bundles (rather than externalizes) the Astro packages it finds
  // in package.json; without them Starlight's middleware is left external and the build fails.
  const repoPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  const versionOf = (name: string) => repoPkg.dependencies?.[name] ?? repoPkg.devDependencies?.[name] ?? '*';
  const dependencies = Object.fromEntries(['astro', '@astrojs/starlight'].map((n) => [n, versionOf(n)]));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'kb-bench-stock-starlight', private: true, type: 'module', dependencies }, null, 2));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  integrations: [
    starlight({
      title: 'KYC Help',
      defaultLocale: 'en',
      locales: ${JSON.stringify(localeConfig)},
    }),
  ],
});
`,
  );
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  writeFiles(join(dir, 'src/content/docs'), content.map((f) => toStockArticle(f, ext)));
}
