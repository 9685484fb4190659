/**
 * Content-addressed cache of Open Graph cards, so a rebuild only renders the cards whose inputs
 * changed. Key = sha256 of: the render input, the texts the card shows resolved from it (kind
 * label and footer line — so editing src/model/ui.ts re-renders), OG_CACHE_VERSION, the font file
 * names, and the satori / resvg versions. Stored as node_modules/.cache/kyc-og/<key>.png. Computing
 * the key loads no font and renders nothing, so a warm build costs a file read per card.
 *
 * Bump OG_CACHE_VERSION whenever the card's layout or colours change in render.ts.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fontNamesOf, ogContent, renderOgImage, type OgInput } from './render.ts';

export const OG_CACHE_VERSION = 5;

const require = createRequire(import.meta.url);

/** node_modules/.cache/kyc-og of this project (found through an installed package, so it works from the bundled build too). */
export function defaultCacheDir(): string {
  const fontPkg = require.resolve('@expo-google-fonts/noto-sans-sc/package.json'); // …/node_modules/@expo-google-fonts/noto-sans-sc/package.json
  return join(dirname(dirname(dirname(fontPkg))), '.cache', 'kyc-og');
}

function versionOf(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
const libraries = { satori: versionOf('satori'), resvg: versionOf('@resvg/resvg-js') };

export function cacheKey(input: OgInput): string {
  const material = {
    version: OG_CACHE_VERSION,
    input: { title: input.title, kind: input.kind, locale: input.locale, siteName: input.siteName },
    shown: ogContent(input),
    fonts: fontNamesOf(input.locale),
    libraries,
  };
  return createHash('sha256').update(JSON.stringify(material)).digest('hex');
}

export interface CacheOptions {
  /** The renderer (default renderOgImage); tests inject a counting one. */
  render?: (input: OgInput) => Promise<Buffer>;
  /** Cache folder (default node_modules/.cache/kyc-og). */
  dir?: string;
}

/** Cards served from the cache vs rendered, in this process (for build logs and measurements). */
export const ogCacheStats = { hits: 0, misses: 0 };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The card's PNG: read from the cache when these inputs were rendered before, otherwise rendered and stored. */
export async function cachedOgImage(input: OgInput, options: CacheOptions = {}): Promise<Buffer> {
  const dir = options.dir ?? defaultCacheDir();
  const file = join(dir, `${cacheKey(input)}.png`);
  try {
    const hit = readFileSync(file);
    // A truncated or foreign file is treated as a miss and overwritten.
    if (hit.length > PNG_SIGNATURE.length && hit.subarray(0, 8).equals(PNG_SIGNATURE)) {
      ogCacheStats.hits++;
      return hit;
    }
  } catch {
    // not cached yet
  }
  const png = await (options.render ?? renderOgImage)(input);
  ogCacheStats.misses++;
  try {
    mkdirSync(dir, { recursive: true });
    // Write then rename: a concurrent build never reads a half-written file.
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, png);
    renameSync(tmp, file);
  } catch (err) {
    console.warn(`[og] could not store ${file} in the cache (${(err as Error).message}); the image is still produced, but the next build will render it again.`);
  }
  return png;
}
