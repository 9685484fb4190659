// Purpose: add every page of the built site (dist/) that is missing from tests/published-urls.txt to that list, keeping it sorted and never removing a line; run after `npx astro build` with `node scripts/published-urls.ts` (Node 24: `npx node …` if your shell's node is older).
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../', import.meta.url));
export const listFile = join(root, 'tests/published-urls.txt');

const HEADER = [
  '# Every URL this site has published, one path per line, sorted. tests/published-urls.test.ts fails if one stops resolving.',
  '# Never delete a line: when an article is renamed or removed, keep its old URL working with a redirect page (Astro `redirects`).',
  '# Add newly built pages with: node scripts/published-urls.ts (after npx astro build).',
];

/** The URL path of a built HTML file: `en/x/index.html` → `/en/x/`, `index.html` → `/`, `a.html` → `/a.html`. */
export function urlOfFile(file: string): string {
  return '/' + file.replace(/(^|\/)index\.html$/, '$1');
}

/** Every page in `dist` as a URL path, sorted; 404.html is not a published URL (non-HTML files like /search-data/*.json never count). */
export function builtPages(dist: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html')) out.push(relative(dist, full).split(sep).join('/'));
    }
  };
  walk(dist);
  return out.filter((f) => f !== '404.html').map(urlOfFile).sort();
}

/** The paths in the list file (comment lines start with #, blank lines are ignored). */
export function readList(file = listFile): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** The list after adding `pages`: every old line kept, no duplicates, sorted. */
export function merge(listed: string[], pages: string[]): string[] {
  return [...new Set([...listed, ...pages])].sort();
}

function main() {
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'index.html')) || !existsSync(join(dist, '404.html'))) {
    console.error('dist/ is missing or incomplete: run `npx astro build` first, then node scripts/published-urls.ts');
    process.exit(1);
  }
  const listed = readList();
  const pages = builtPages(dist);
  const added = pages.filter((p) => !listed.includes(p));
  const merged = merge(listed, pages);
  writeFileSync(listFile, [...HEADER, ...merged].join('\n') + '\n');
  const gone = listed.filter((p) => !pages.includes(p));
  console.log(`${relative(root, listFile)}: ${merged.length} URLs, ${added.length} added${added.length ? ':\n  ' + added.join('\n  ') : ''}`);
  if (gone.length) console.log(`listed but not built (kept; each needs a page or a redirect, or tests/published-urls.test.ts fails):\n  ${gone.join('\n  ')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
