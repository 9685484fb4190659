// Purpose: print which translations follow the current English revision (up to date / stale / missing); --stamp marks files as reviewed against it.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkContent } from '../src/model/gate.ts';
import { defaultLocale, localeKeys } from '../src/model/locales.ts';
import { revisionOf, translationStatus } from '../src/model/revision.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const { files } = checkContent(fileURLToPath(new URL('../content/', import.meta.url)), root);
const others = localeKeys.filter((l) => l !== defaultLocale);
const english = files.filter((f) => f.locale === defaultLocale);

// --stamp zh/reasons/photo-quality [ja/…]: record that these translations now follow the current English text.
const stampAt = process.argv.indexOf('--stamp');
if (stampAt !== -1) {
  const targets = process.argv.slice(stampAt + 1);
  if (targets.length === 0) {
    console.error('usage: npm run i18n:status -- --stamp <locale>/<path> … (e.g. zh/reasons/photo-quality), or --stamp all');
    process.exit(2);
  }
  const chosen = files.filter((f) => f.locale !== defaultLocale && (targets.includes('all') || targets.includes(`${f.locale}/${f.key}`)));
  for (const f of chosen) {
    const en = english.find((e) => e.key === f.key);
    if (!en) continue;
    const text = readFileSync(`${root}/${f.file}`, 'utf8').replace(/^translatedFrom: .*$/m, `translatedFrom: "${revisionOf(en.raw)}"`);
    writeFileSync(`${root}/${f.file}`, text);
    console.log(`stamped ${f.file} → ${revisionOf(en.raw)}`);
  }
  process.exit(0);
}

const rows = translationStatus(
  english.map((f) => ({ key: f.key, raw: f.raw })),
  files.filter((f) => f.locale !== defaultLocale).map((f) => ({ locale: f.locale, key: f.key, translatedFrom: f.data.translatedFrom })),
  others,
);
const mark = { 'up-to-date': 'up to date', stale: 'STALE', missing: 'MISSING' } as const;
const width = Math.max(...rows.map((r) => r.key.length), 7);
console.log(`${'article'.padEnd(width)}  en revision  ${others.map((l) => l.padEnd(11)).join('')}`);
for (const r of rows) console.log(`${r.key.padEnd(width)}  ${r.revision}   ${others.map((l) => mark[r.states[l]!].padEnd(11)).join('')}`);
const count = (s: string) => rows.reduce((n, r) => n + others.filter((l) => r.states[l] === s).length, 0);
console.log(`\n${rows.length} articles × ${others.length} translations: ${count('up-to-date')} up to date, ${count('stale')} stale, ${count('missing')} missing.`);
if (count('stale') > 0) console.log('A stale translation follows an older English text: update it, then run npm run i18n:status -- --stamp <locale>/<path>.');
process.exit(count('missing') > 0 ? 1 : 0);
