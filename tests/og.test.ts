/**
 * Open Graph share cards: every page of the docs collection (except the triage hubs) has
 * dist/og/<entry id>.png, a real 1200×630 PNG; every character a card shows exists in the font
 * chosen for its language (no tofu boxes); and the cache returns a stored card without
 * rendering it again.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { checkContent, type ParsedFile } from '../src/model/gate.ts';
import { locales, localeKeys, type Locale } from '../src/model/locales.ts';
import { cachedOgImage, cacheKey } from '../src/og/cache.ts';
import { OG_HEIGHT, OG_WIDTH, TITLE_SIZES, cardTree, fitTitle, fontFilesOf, ogContent, renderOgImage, siteNames, type OgInput } from '../src/og/render.ts';
import { dist, filesUnder, page, root } from './helpers/site.ts';

const { files } = checkContent(join(root, 'content'), root);
const isTriage = (f: ParsedFile) => f.key === 'reasons/index';
/** The Astro entry id of a file: `zh` for zh/index.mdx, `en/reasons/photo-quality` for an article. */
const entryIdOf = (f: ParsedFile) => (f.key === 'index' ? f.locale : `${f.locale}/${f.key.replace(/\/index$/, '')}`);
const withCard = files.filter((f) => !isTriage(f));
const ogDir = join(dist, 'og');

/** Width and height from the IHDR chunk, after checking the PNG signature. */
function pngSize(buf: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(signature)) throw new Error('not a PNG (bad signature)');
  if (buf.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG (first chunk is not IHDR)');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Code points a TrueType font maps to glyphs (its cmap, format 4 or 12 subtable). */
function cmapOf(file: string): Set<number> {
  const font = readFileSync(file);
  const numTables = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    if (font.toString('latin1', rec, rec + 4) === 'cmap') cmap = font.readUInt32BE(rec + 8);
  }
  if (cmap < 0) throw new Error(`${file} has no cmap table`);
  const subtables: { format: number; offset: number }[] = [];
  for (let i = 0; i < font.readUInt16BE(cmap + 2); i++) {
    const rec = cmap + 4 + i * 8;
    const offset = cmap + font.readUInt32BE(rec + 4);
    subtables.push({ format: font.readUInt16BE(offset), offset });
  }
  const codes = new Set<number>();
  const f12 = subtables.find((s) => s.format === 12);
  if (f12) {
    const n = font.readUInt32BE(f12.offset + 12);
    for (let g = 0; g < n; g++) {
      const at = f12.offset + 16 + g * 12;
      for (let c = font.readUInt32BE(at); c <= font.readUInt32BE(at + 4); c++) codes.add(c);
    }
    return codes;
  }
  const f4 = subtables.find((s) => s.format === 4);
  if (!f4) throw new Error(`${file} has no format 4 or 12 cmap subtable`);
  const segX2 = font.readUInt16BE(f4.offset + 6);
  const ends = f4.offset + 14;
  const starts = ends + segX2 + 2;
  for (let s = 0; s < segX2; s += 2) {
    for (let c = font.readUInt16BE(starts + s); c <= font.readUInt16BE(ends + s) && c !== 0xffff; c++) codes.add(c);
  }
  return codes;
}

describe('OG images in dist/og', () => {
  it('exist for every page of the docs collection except the triage hubs, and nothing else', () => {
    expect(withCard.length).toBeGreaterThanOrEqual(4 * 5);
    const expected = withCard.map((f) => `${entryIdOf(f)}.png`).sort();
    for (const l of localeKeys) expect(expected, `landing card of ${l}`).toContain(`${l}.png`);
    expect(expected).toContain('en/reasons/photo-quality.png');
    expect(existsSync(ogDir), 'dist/og/ is missing: does src/pages/og/[...path].png.ts build?').toBe(true);
    expect(filesUnder(ogDir, '.png')).toEqual(expected);
  });

  it('are valid 1200×630 PNGs of a reasonable size, one per page', () => {
    const seen = new Set<string>();
    for (const f of withCard) {
      const file = join(ogDir, `${entryIdOf(f)}.png`);
      const buf = readFileSync(file);
      expect(pngSize(buf), relative(root, file)).toEqual({ width: OG_WIDTH, height: OG_HEIGHT });
      expect(buf.length, `${relative(root, file)} is ${buf.length} bytes`).toBeLessThan(200_000);
      seen.add(buf.toString('base64'));
    }
    // Different titles give different pictures (no page got another page's card).
    expect(seen.size).toBe(withCard.length);
  });
});

describe('OG card text', () => {
  it('uses the site titles Starlight shows', () => {
    for (const l of localeKeys) expect(page(`/${l}/`)).toContain(`<meta property="og:site_name" content="${siteNames[l]}"/>`);
    expect(siteNames.zh).toBe(locales.zh.siteTitle);
  });

  it('has a glyph in the locale font for every character it shows (no tofu)', () => {
    const covered = new Map<Locale, { name: string; codes: Set<number> }[]>(localeKeys.map((l) => [l, fontFilesOf(l).map((file) => ({ name: basename(file), codes: cmapOf(file) }))]));
    const missing: string[] = [];
    for (const f of withCard) {
      const c = ogContent({ title: f.data.title, kind: f.data.kind, locale: f.locale, siteName: siteNames[f.locale] });
      for (const ch of new Set([...`${c.siteName}${c.kindLabel}${c.title}${c.footer}…`])) {
        const cp = ch.codePointAt(0)!;
        if (cp === 0x20) continue;
        for (const font of covered.get(f.locale)!) if (!font.codes.has(cp)) missing.push(`${f.file}: "${ch}" (U+${cp.toString(16).toUpperCase()}) is not in ${font.name}`);
      }
    }
    expect(missing, 'characters without a glyph in the card font').toEqual([]);
  });

  it('fits every title of the site in at most three lines without cutting it', async () => {
    const cut: string[] = [];
    for (const f of withCard) {
      const layout = await fitTitle(ogContent({ title: f.data.title, kind: f.data.kind, locale: f.locale, siteName: siteNames[f.locale] }));
      expect(layout.lines, f.file).toBeLessThanOrEqual(3);
      expect(layout.lines, f.file).toBeGreaterThanOrEqual(1);
      if (layout.clamped) cut.push(`${f.file}: "${f.data.title}"`);
    }
    expect(cut, 'titles too long for the card even at the smallest size').toEqual([]);
  });

  it('shrinks long CJK titles, keeps short ones large, and cuts only what cannot fit', async () => {
    const fit = (title: string, locale: Locale) => fitTitle(ogContent({ title, kind: 'reason', locale, siteName: siteNames[locale] }));
    expect(await fit('证件过期', 'zh')).toEqual({ size: TITLE_SIZES[0], lines: 1, clamped: false });
    const long = await fit('本人確認書類の写真がぼやけている・暗い・見切れていると言われた本人確認書類の有効期限が切れている', 'ja');
    expect(long.size).toBeLessThan(TITLE_SIZES[0]);
    expect(long).toMatchObject({ lines: 3, clamped: false });
    const longKo = await fit('바이낸스 신원 인증에 실패했나요? 해결 방법을 찾아보세요. 신분증 사진이 흐리거나 어둡거나 잘렸다는 메시지가 나왔을 때', 'ko');
    expect(longKo.size).toBeLessThan(TITLE_SIZES[0]);
    expect(longKo.clamped).toBe(false);
    expect(await fit('证件照片模糊'.repeat(20), 'zh')).toMatchObject({ size: TITLE_SIZES[TITLE_SIZES.length - 1], clamped: true });
  });
});

describe('OG card layout', () => {
  type Node = { type: string; props: { style?: Record<string, unknown>; children?: unknown } };
  const find = (n: Node, test: (n: Node) => boolean): Node | undefined => {
    if (test(n)) return n;
    const kids = Array.isArray(n.props.children) ? n.props.children : [n.props.children];
    for (const k of kids) if (k && typeof k === 'object') { const hit = find(k as Node, test); if (hit) return hit; }
    return undefined;
  };
  const titleOf = async (input: OgInput) => {
    const c = ogContent(input);
    const layout = await fitTitle(c);
    return { layout, node: find(cardTree(c, layout) as Node, (n) => n.props.style?.fontSize === layout.size && n.props.style?.fontWeight === 700 && n.props.style?.lineHeight !== undefined)! };
  };

  it('wraps Korean titles only between words, keeping punctuation with its word', async () => {
    const { node: title } = await titleOf({ title: '바이낸스 신원 인증에 실패했나요? 해결 방법을 찾아보세요', kind: 'hub', locale: 'ko', siteName: siteNames.ko });
    expect(title.props.style?.flexWrap).toBe('wrap');
    const words = (title.props.children as Node[]).map((w) => w.props.children);
    expect(words).toEqual(['바이낸스', '신원', '인증에', '실패했나요?', '해결', '방법을', '찾아보세요']);
  });

  it('balances titles that fit and clamps the ones that do not to three lines with an ellipsis', async () => {
    for (const locale of localeKeys) {
      const fits = await titleOf({ title: locale === 'ko' ? '얼굴 인증이 계속 실패해요' : '证件过期了怎么办', kind: 'reason', locale, siteName: siteNames[locale] });
      if (locale !== 'ko') expect(fits.node.props.style?.textWrap, locale).toBe('balance');
      expect(fits.node.props.style?.lineClamp, locale).toBeUndefined();
      const cut = await titleOf({ title: '证件照片模糊 사진 photo '.repeat(30), kind: 'reason', locale, siteName: siteNames[locale] });
      expect(cut.layout.clamped, locale).toBe(true);
      expect(cut.node.props.style).toMatchObject({ lineClamp: 3, textOverflow: 'ellipsis' });
    }
  });
});

describe('OG cache', () => {
  const input: OgInput = { title: '证件照片模糊、太暗或被裁切', kind: 'reason', locale: 'zh', siteName: siteNames.zh };

  it('returns the stored PNG on the second call without rendering again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kyc-og-'));
    try {
      let renders = 0;
      const render = async (i: OgInput) => {
        renders++;
        return renderOgImage(i);
      };
      const first = await cachedOgImage(input, { dir, render });
      expect(renders).toBe(1);
      expect(readdirSync(dir)).toEqual([`${cacheKey(input)}.png`]);
      const second = await cachedOgImage(input, { dir, render });
      expect(renders).toBe(1);
      expect(second.equals(first)).toBe(true);
      expect(pngSize(second)).toEqual({ width: OG_WIDTH, height: OG_HEIGHT });

      // A changed input is rendered anew (and both versions stay cached).
      await cachedOgImage({ ...input, title: `${input.title}？` }, { dir, render });
      expect(renders).toBe(2);
      await cachedOgImage({ ...input, kind: 'fix' }, { dir, render });
      expect(renders).toBe(3);
      expect(readdirSync(dir)).toHaveLength(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('renders again when the stored file is not a PNG', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kyc-og-'));
    try {
      let renders = 0;
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('fake')]);
      const render = async () => {
        renders++;
        return png;
      };
      writeFileSync(join(dir, `${cacheKey(input)}.png`), 'half-written');
      expect((await cachedOgImage(input, { dir, render })).equals(png)).toBe(true);
      expect(renders).toBe(1);
      expect(readFileSync(join(dir, `${cacheKey(input)}.png`)).equals(png)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keys on the input, not on its object identity', () => {
    expect(cacheKey({ ...input })).toBe(cacheKey(input));
    expect(cacheKey({ ...input, locale: 'ja' })).not.toBe(cacheKey(input));
    expect(cacheKey({ ...input, siteName: 'Other' })).not.toBe(cacheKey(input));
  });
});
