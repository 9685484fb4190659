/** Reading the built site in dist/: pages, their HTML, and a server for it. */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const dist = join(root, 'dist');

export function page(path: string): string {
  const file = join(dist, path.replace(/^\//, ''), path.endsWith('/') ? 'index.html' : '');
  if (!existsSync(file)) throw new Error(`no built page for ${path} (looked for ${relative(root, file)})`);
  return readFileSync(file, 'utf8');
}

/** Every file under `base` whose name ends with `ext`, as sorted '/'-separated paths relative to `base`. */
export function filesUnder(base: string, ext: string, dir = base): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(base, ext, full));
    else if (name.endsWith(ext)) out.push(relative(base, full).split(sep).join('/'));
  }
  return out.sort();
}

/** Every built HTML page, relative to dist/. */
export const htmlFiles = (): string[] => filesUnder(dist, '.html');

/** The visible text of some HTML: tags, scripts and styles removed, character references decoded, spaces collapsed. */
export function textOf(html: string): string {
  return decode(html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ').trim();
}

/** Decode the character references Astro emits (&amp; &lt; &#39; &#x27; …). */
export function decode(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, ref: string) => {
    if (ref[0] === '#') return String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
    return named[ref.toLowerCase()] ?? all;
  });
}

/** The <main> of a page. */
export function mainOf(html: string): string {
  const m = /<main[\s\S]*<\/main>/.exec(html);
  if (!m) throw new Error('page has no <main>');
  return m[0];
}

/** The href of every link, except language switches (links with an hreflang attribute). */
export function hrefs(html: string): string[] {
  return [...html.matchAll(/<a\b([^>]*)>/g)]
    .filter((m) => !/\shreflang=/.test(m[1]!))
    .map((m) => /\shref="([^"]*)"/.exec(m[1]!)?.[1])
    .filter((h): h is string => h !== undefined)
    .map((h) => decode(h));
}
