/**
 * Search quality, without a browser: every query in tests/search/*.json runs through the same
 * engine and ranking options as the search box, against the built index, and must put one of its
 * expected articles in the top 3. Prints the pass rate per language and set; fails below 95 %.
 * Also: hostile or empty queries give an empty result, never an error.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localeKeys, type Locale } from '../src/model/locales.ts';
import { cleanQuery, MAX_QUERY } from '../src/search/query.ts';
import { excerptRuns } from '../src/search/engine.ts';
import { searchNode } from './helpers/search-node.ts';
import { root } from './helpers/site.ts';

interface Query { q: string; locale: Locale; expect: string[]; kind: string }
const sets = ['dev', 'holdout'].map((name) => ({ name, queries: JSON.parse(readFileSync(join(root, `tests/search/queries-${name}.json`), 'utf8')) as Query[] }));
const TARGET = 0.95;

describe('search finds the right article in the top 3', () => {
  for (const { name, queries } of sets) {
    it(`${name} set: ≥ ${TARGET * 100} % per language`, async () => {
      const misses: string[] = [];
      const rates: Record<string, string> = {};
      for (const l of localeKeys) {
        const mine = queries.filter((q) => q.locale === l);
        let pass = 0;
        for (const q of mine) {
          const top = (await searchNode(q.q, q.locale)).slice(0, 3).map((h) => h.key);
          if (q.expect.some((e) => top.includes(e))) pass++;
          else misses.push(`  [${l}] ${q.kind}: ${JSON.stringify(q.q)} → expected ${q.expect.join(' or ')}, got ${top.join(', ') || 'nothing'}`);
        }
        rates[l] = `${pass}/${mine.length} (${((100 * pass) / Math.max(1, mine.length)).toFixed(1)} %)`;
        expect(mine.length, `${name} set has queries for ${l}`).toBeGreaterThanOrEqual(15);
      }
      // The holdout set measures phrasings nobody tuned the search for: its misses are counted, not printed.
      const shown = name === 'holdout' ? [] : misses;
      console.log(`search ${name} set, top-3 pass rate: ${localeKeys.map((l) => `${l} ${rates[l]}`).join(' · ')}${shown.length ? '\nmisses:\n' + shown.join('\n') : ''}`);
      for (const l of localeKeys) {
        const mine = queries.filter((q) => q.locale === l);
        const passed = mine.length - misses.filter((m) => m.startsWith(`  [${l}]`)).length;
        expect(passed / mine.length, `${name} ${l}: ${rates[l]}`).toBeGreaterThanOrEqual(TARGET);
      }
    });
  }
});

describe('hostile and empty queries', () => {
  it('treats any input as plain text and answers calmly', async () => {
    const nasty = ['', '   ', '<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', 'a'.repeat(10_000), '\u0000\u0001\u0002\ufffe\uffff', '🔥'.repeat(500), '%00%3Cscript%3E', '{{constructor.constructor("alert(1)")()}}'];
    for (const q of nasty) {
      const clean = cleanQuery(q);
      expect(clean.length).toBeLessThanOrEqual(MAX_QUERY);
      expect(clean).not.toMatch(/[<>\u0000-\u001f]/);
      await expect(searchNode(q, 'en')).resolves.toBeInstanceOf(Array);
    }
    expect(await searchNode('', 'zh')).toEqual([]);
    expect(cleanQuery(42)).toBe('');
  });

  it('turns excerpts into text runs, never markup', () => {
    expect(excerptRuns('a <mark>b</mark> &lt;img src=x&gt; <b>c</b>')).toEqual([
      { text: 'a ', mark: false },
      { text: 'b', mark: true },
      { text: ' <img src=x> c', mark: false },
    ]);
  });
});
