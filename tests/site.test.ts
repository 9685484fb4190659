/**
 * The built site keeps the content model's promises: the URL contract in every locale, the
 * reason → fix links and the fix → reason reverse links in the page's own language, the generated
 * triage table, the notices every article carries.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { checkContent, type ParsedFile } from '../src/model/gate.ts';
import { locales, localeKeys } from '../src/model/locales.ts';
import { kindDirs } from '../src/model/schema.ts';
import { ui } from '../src/model/ui.ts';
import { hrefs, mainOf, page, root, textOf } from './helpers/site.ts';

const { files } = checkContent(join(root, 'content'), root);
const urlOf = (f: ParsedFile) => (f.key === 'index' ? `/${f.locale}/` : `/${f.locale}/${f.key.replace(/\/index$/, '')}/`);
const reasons = files.filter((f) => f.data.kind === 'reason');
const fixes = files.filter((f) => f.data.kind === 'fix');
const articles = files.filter((f) => f.data.kind !== 'hub');

describe('URL contract', () => {
  it('builds every article, landing and triage page in every locale', () => {
    expect(files.length).toBeGreaterThanOrEqual(4 * 5);
    for (const f of files) expect(() => page(urlOf(f)), urlOf(f)).not.toThrow();
    for (const l of localeKeys) {
      expect(page(`/${l}/`)).toContain('class="kb-cards"');
      expect(page(`/${l}/reasons/`)).toContain('class="kb-triage"');
    }
  });

  it('sets <html lang> per locale (zh-CN for Chinese)', () => {
    for (const l of localeKeys) expect(page(`/${l}/`)).toMatch(new RegExp(`<html lang="${locales[l].lang}"`));
    expect(page('/zh/reasons/')).toContain('<html lang="zh-CN"');
  });

  it('has a front door at / that lists the four languages with hreflang', () => {
    const html = page('/');
    for (const l of localeKeys) {
      expect(html).toContain(`href="/${l}/"`);
      expect(html).toContain(`hreflang="${locales[l].lang}"`);
    }
    expect(html).toContain('hreflang="x-default"');
  });
});

describe('reason pages', () => {
  it('have the three sections with the same ids in every language', () => {
    for (const r of reasons) {
      const html = mainOf(page(urlOf(r)));
      for (const id of ['what-you-see', 'why', 'fix']) expect(html, `${urlOf(r)} #${id}`).toContain(`id="${id}"`);
    }
  });

  it('show every message, marked as exact text or paraphrase', () => {
    for (const r of reasons) {
      if (r.data.kind !== 'reason') continue;
      const html = mainOf(page(urlOf(r)));
      const t = ui[r.locale];
      for (const m of r.data.messages) {
        expect(textOf(html), `${urlOf(r)}: ${m.text}`).toContain(m.text);
      }
      expect(html).toMatch(new RegExp(`class="kb-badge"[^>]*>${r.data.messages[0]!.verbatim ? t.verbatim : t.paraphrase}<`));
      expect(html.match(/<q lang=/g)?.length ?? 0).toBeGreaterThanOrEqual(r.data.messages.length);
    }
  });

  it('also show the English on-screen messages on zh, ja and ko pages', () => {
    for (const r of reasons.filter((x) => x.locale !== 'en')) {
      const en = reasons.find((x) => x.locale === 'en' && x.key === r.key)!;
      if (en.data.kind !== 'reason') continue;
      const html = mainOf(page(urlOf(r)));
      expect(html).toContain(ui[r.locale].englishOnScreen);
      expect(html).toContain(`<q lang="en"`);
      expect(textOf(html)).toContain(en.data.messages[0]!.text);
    }
  });

  it('link to their fixes in the page language, in frontmatter order', () => {
    for (const r of reasons) {
      if (r.data.kind !== 'reason') continue;
      const list = /<ol class="kb-fix-list"[\s\S]*?<\/ol>/.exec(page(urlOf(r)))?.[0] ?? '';
      expect(hrefs(list)).toEqual(r.data.fixes.map((id) => `/${r.locale}/${kindDirs.fix}/${id}/`));
    }
  });
});

describe('fix pages', () => {
  it('list the reasons they solve (reverse links), in the page language', () => {
    for (const f of fixes) {
      const solvedBy = reasons.filter((r) => r.locale === f.locale && r.data.kind === 'reason' && r.data.fixes.includes(f.id));
      const section = /<section class="kb-after" aria-labelledby="solves"[^>]*>[\s\S]*?<\/section>/.exec(page(urlOf(f)))?.[0] ?? '';
      expect(hrefs(section).sort(), urlOf(f)).toEqual(solvedBy.map((r) => urlOf(r)).sort());
    }
  });
});

describe('every article', () => {
  it('carries the independence notice, its sources and the fake-support warning where flagged', () => {
    for (const a of articles) {
      const html = page(urlOf(a));
      const t = ui[a.locale];
      expect(html, urlOf(a)).toContain(t.independent);
      for (const s of a.data.sources) expect(html).toContain(`href="${s.url.replace(/&/g, '&amp;')}"`);
      expect(html.includes(t.scamTitle), `${urlOf(a)} scam warning`).toBe(a.data.scamWarning);
    }
  });

  it('keeps every internal link in the page language', () => {
    for (const a of files) {
      const links = hrefs(mainOf(page(urlOf(a)))).filter((h) => h.startsWith('/'));
      for (const h of links) expect(h, `${urlOf(a)} → ${h}`).toMatch(new RegExp(`^/${a.locale}/`));
    }
  });
});

describe('triage page', () => {
  it('is generated from frontmatter: one row per reason, with its symptom and first fix', () => {
    for (const l of localeKeys) {
      const html = page(`/${l}/reasons/`);
      const rows = [...html.matchAll(/<tr>\s*<td>([\s\S]*?)<\/td>\s*<td><a href="([^"]+)"[\s\S]*?<td><a href="([^"]+)"/g)];
      const mine = reasons.filter((r) => r.locale === l);
      expect(rows.length).toBe(mine.length);
      for (const r of mine) {
        if (r.data.kind !== 'reason') continue;
        const row = rows.find((m) => m[2] === urlOf(r));
        expect(row, `${l} triage row for ${r.key}`).toBeDefined();
        expect(row![3]).toBe(`/${l}/fixes/${r.data.fixes[0]}/`);
        expect(textOf(row![1]!)).toBe(textOf(r.data.symptom));
      }
    }
  });
});
