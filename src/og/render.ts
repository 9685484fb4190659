/**
 * The Open Graph share card (1200×630 PNG) of one page: site name, the kind of page, the title and
 * a "not affiliated" line, in the page's language. satori lays the card out as SVG with a Noto Sans
 * font chosen per locale (CJK glyphs from the installed @expo-google-fonts packages, nothing is
 * downloaded), @resvg/resvg-js turns the SVG into a PNG. Called through `cachedOgImage` (cache.ts),
 * which skips cards whose inputs did not change.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { localeKeys, locales, type Locale } from '../model/locales.ts';
import type { Kind } from '../model/schema.ts';
import { ui } from '../model/ui.ts';

export interface OgInput {
  title: string;
  kind: Kind;
  locale: Locale;
  siteName: string;
}

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** The site title per locale, as Starlight shows it (one definition: src/model/locales.ts). */
export const siteNames = Object.fromEntries(localeKeys.map((l) => [l, locales[l].siteTitle])) as Record<Locale, string>;

/** The small line at the bottom of every card. */
export const notAffiliated: Record<Locale, string> = {
  en: 'Independent help — not affiliated with Binance',
  zh: '独立帮助网站 — 与币安无关联',
  ja: '独立したヘルプサイト — Binanceとは無関係です',
  ko: '독립 도움말 사이트 — 바이낸스와 무관합니다',
};

/** One Noto Sans family per locale. SC and JP include Latin, so English uses SC. */
const fontPackages: Record<Locale, { pkg: string; family: string }> = {
  en: { pkg: 'noto-sans-sc', family: 'NotoSansSC' },
  zh: { pkg: 'noto-sans-sc', family: 'NotoSansSC' },
  ja: { pkg: 'noto-sans-jp', family: 'NotoSansJP' },
  ko: { pkg: 'noto-sans-kr', family: 'NotoSansKR' },
};
const weights = [
  { weight: 400, dir: '400Regular', suffix: '400Regular' },
  { weight: 700, dir: '700Bold', suffix: '700Bold' },
] as const;

const require = createRequire(import.meta.url);

/** Absolute paths of the TTF files a locale's card uses (resolved through node_modules, so the bundled build finds them too). */
export function fontFilesOf(locale: Locale): string[] {
  const { pkg, family } = fontPackages[locale];
  return weights.map((w) => {
    const spec = `@expo-google-fonts/${pkg}/${w.dir}/${family}_${w.suffix}.ttf`;
    try {
      return require.resolve(spec);
    } catch {
      throw new Error(`OG image fonts: cannot find ${spec} for locale "${locale}". Install the package @expo-google-fonts/${pkg} (it is a devDependency in package.json: run npm ci).`);
    }
  });
}

/** The font file names (not paths) of a locale: part of the cache key, so a font change re-renders. */
export function fontNamesOf(locale: Locale): string[] {
  return fontFilesOf(locale).map((f) => basename(f));
}

type SatoriFont = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' };
// Keyed by file path: en and zh share the SC files. The same array object is passed to satori each
// time, so satori parses each font once per process (it caches parsed fonts by array identity).
const fontCache = new Map<string, SatoriFont[]>();

function fontsOf(locale: Locale): SatoriFont[] {
  const files = fontFilesOf(locale);
  const key = files.join('|');
  let fonts = fontCache.get(key);
  if (!fonts) {
    fonts = files.map((file, i) => ({ name: 'Card', data: readFileSync(file), weight: weights[i]!.weight, style: 'normal' as const }));
    fontCache.set(key, fonts);
  }
  return fonts;
}

/** Everything the card shows, resolved from the input (the cache key is computed over this). */
export interface OgContent {
  siteName: string;
  kindLabel: string;
  title: string;
  footer: string;
  locale: Locale;
}

export function ogContent(input: OgInput): OgContent {
  const strings = ui[input.locale];
  if (!strings) throw new Error(`OG image: unknown locale "${input.locale}" (title "${input.title}"); use one of src/model/locales.ts.`);
  const kindLabel = strings.kind[input.kind];
  if (!kindLabel) throw new Error(`OG image: no label for kind "${input.kind}" in src/model/ui.ts (${input.locale}.kind).`);
  const title = input.title.trim();
  if (!title) throw new Error(`OG image: empty title for a ${input.kind} page in ${input.locale}.`);
  return { siteName: input.siteName, kindLabel, title, footer: notAffiliated[input.locale], locale: input.locale };
}

const TITLE_WIDTH = OG_WIDTH - 2 * 80; // px available to the title
const MAX_LINES = 3;
const LINE_HEIGHT = 1.22;
/** Title sizes tried, largest first; the last one is used (clamped with an ellipsis) when none fits. */
export const TITLE_SIZES = [76, 68, 62, 56, 50, 46, 42] as const;

/** How the title is set: its size, the number of lines it takes, and whether it had to be cut. */
export interface TitleLayout {
  size: number;
  lines: number;
  clamped: boolean;
}

type El = { type: string; props: { style?: Record<string, unknown>; children?: El | string | (El | string)[]; lang?: string } };
const div = (style: Record<string, unknown>, children?: El['props']['children']): El => ({ type: 'div', props: { style, children } });

const colors = { bg: '#0f172a', panel: '#1e293b', text: '#ffffff', muted: '#d7dee8', accent: '#facc15', accentText: '#111827' };

const langTag: Record<Locale, string> = { en: 'en', zh: 'zh-CN', ja: 'ja-JP', ko: 'ko-KR' };

/**
 * Korean wraps only between words, as Korean sites do with `word-break: keep-all`. satori's own
 * keep-all also breaks before punctuation ("실패했나요" / "? 해결…"), so each space-separated word
 * is laid out as its own box instead. Chinese, Japanese and English use Unicode line breaking
 * (between CJK characters, at spaces in English).
 */
const wordBoxes = (c: OgContent) => c.locale === 'ko';

/** The title block. `layout` undefined: the plain block used to count lines (no balancing, no clamp). */
function titleBlock(c: OgContent, size: number, layout?: TitleLayout): El {
  const text = { fontSize: size, fontWeight: 700, lineHeight: LINE_HEIGHT, color: colors.text };
  const lang = langTag[c.locale];
  if (wordBoxes(c) && !layout?.clamped) {
    return {
      type: 'div',
      props: {
        lang,
        style: { display: 'flex', flexWrap: 'wrap', width: TITLE_WIDTH, columnGap: size * 0.224 /* a space in Noto Sans KR */, ...text },
        children: c.title.split(/\s+/).map((w) => div({ display: 'flex' }, w)),
      },
    };
  }
  const style: Record<string, unknown> = { display: 'block', width: TITLE_WIDTH, wordBreak: c.locale === 'ko' ? 'keep-all' : 'normal', ...text };
  if (layout?.clamped) Object.assign(style, { lineClamp: MAX_LINES, textOverflow: 'ellipsis', overflow: 'hidden' });
  // Balanced lines (no one-character last line) when the whole title fits; satori balances within the same number of lines.
  else if (layout) style.textWrap = 'balance';
  return { type: 'div', props: { lang, style, children: c.title } };
}

/** Lines the title takes at this size: satori lays it out as text elements (no glyph outlines) and we count their rows. */
async function countLines(c: OgContent, size: number): Promise<number> {
  const svg = await satori(titleBlock(c, size) as unknown as Parameters<typeof satori>[0], { width: TITLE_WIDTH, fonts: fontsOf(c.locale), embedFont: false });
  const rows = new Set([...svg.matchAll(/<text\b[^>]*\sy="([\d.]+)"/g)].map((m) => Math.round(Number(m[1]))));
  return rows.size;
}

/** The largest size at which the title fits in three lines, measured with the real font (not estimated). */
export async function fitTitle(c: OgContent): Promise<TitleLayout> {
  for (const size of TITLE_SIZES) {
    const lines = await countLines(c, size);
    if (lines <= MAX_LINES) return { size, lines, clamped: false };
  }
  return { size: TITLE_SIZES[TITLE_SIZES.length - 1]!, lines: MAX_LINES, clamped: true };
}

/** The card as satori element objects. */
export function cardTree(c: OgContent, layout: TitleLayout): El {
  return div(
    { width: OG_WIDTH, height: OG_HEIGHT, display: 'flex', flexDirection: 'column', backgroundColor: colors.bg, color: colors.text, fontFamily: 'Card', boxSizing: 'border-box', paddingLeft: 80, paddingRight: 80, borderTop: `14px solid ${colors.accent}` },
    [
      // Header: site name left, kind label right.
      div({ display: 'flex', alignItems: 'center', justifyContent: 'space-between', marginTop: 52 }, [
        div({ display: 'flex', alignItems: 'center', fontSize: 36, fontWeight: 700 }, [
          div({ width: 22, height: 22, borderRadius: 6, backgroundColor: colors.accent, marginRight: 16 }),
          c.siteName,
        ]),
        div({ display: 'flex', fontSize: 30, fontWeight: 700, backgroundColor: colors.accent, color: colors.accentText, padding: '6px 22px', borderRadius: 10 }, c.kindLabel),
      ]),
      // Title: fills the middle, vertically centred, at most three lines.
      div({ display: 'flex', flexGrow: 1, alignItems: 'center' }, [titleBlock(c, layout.size, layout)]),
      // Footer: the independence line.
      div({ display: 'flex', borderTop: `2px solid ${colors.panel}`, padding: '22px 0 40px', fontSize: 26, fontWeight: 400, color: colors.muted }, c.footer),
    ],
  );
}

/** Renders the card of one page to PNG bytes. */
export async function renderOgImage(input: OgInput): Promise<Buffer> {
  const content = ogContent(input);
  const svg = await satori(cardTree(content, await fitTitle(content)) as unknown as Parameters<typeof satori>[0], {
    width: OG_WIDTH,
    height: OG_HEIGHT,
    fonts: fontsOf(input.locale),
  });
  const png = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
  return Buffer.from(png);
}
