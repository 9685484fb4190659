/** The bench's result shape and its Markdown tables (printed, and written to bench/results.md). */
import type { Locale } from '../../src/model/locales.ts';
import type { CategoryId, LighthouseResult } from './lighthouse.ts';
import { resourceTypes, type PageWeight } from './weight.ts';
import { gb, kb, secs } from './util.ts';

export interface Target {
  id: string;
  what: string;
  value: number | null;
  limit: number;
  /** how value compares with limit */
  op: '<=' | '>=' | '==';
  pass: boolean;
  note?: string;
}

export interface BuildMeasure {
  variant: 'project' | 'stock' | 'stock-md';
  articlesPerLocale: number;
  /** a second build of the same folder right after the first: caches kept (share images are not re-rendered) */
  rebuildWallMs?: number;
  rebuildMsPerPage?: number;
  contentFiles: number;
  htmlPages: number;
  wallMs: number;
  msPerPage: number;
  peakTreeRss: number;
  maxSingleRss?: number;
  pagefindBytes: number;
  distBytes: number;
  /** summed per-route render times from the build log, by kind of route */
  routeMs: { html: number; ogImage: number; other: number };
  ogImages: number;
  /** user + system CPU seconds of the build tree */
  cpuSeconds?: number;
  /** CPU seconds used by everything else on the machine during the build (skews wall time when high) */
  otherCpuSeconds?: number;
  /** Astro's phase timings (ms) read from the build log */
  phases: Record<string, number>;
}

export interface Results {
  date: string;
  machine: { nproc: number; memTotalBytes: number; cpu: string; os: string; node: string; chromium: string };
  options: { build: boolean; sizes: number[]; only: string[] };
  durationsMs: Record<string, number>;
  pageWeight?: Partial<Record<Locale, { ours: PageWeight; stock: PageWeight }>>;
  builds?: { projectSite?: { wallMs: number }; stockSite?: { wallMs: number; htmlPages: number } };
  scaling?: BuildMeasure[];
  lighthouse?: Partial<Record<Locale, LighthouseResult>>;
  targets: Target[];
  missed: string[];
  notes: string[];
}

const fmtRatio = (r: number | null) => (r === null || Number.isNaN(r) ? '—' : r.toFixed(2));
const mark = (pass: boolean) => (pass ? 'pass' : '**FAIL**');

function table(head: string[], rows: (string | number)[][]): string {
  return [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

export function pageWeightTable(locale: string, ours: PageWeight, stock: PageWeight, targets: Target[]): string {
  const rows: (string | number)[][] = [];
  for (const t of resourceTypes) {
    const a = ours.firstView.byType[t];
    const b = stock.firstView.byType[t];
    if (a.requests === 0 && b.requests === 0) continue;
    rows.push([`first view: ${t}`, `${kb(a.gzip)} (${a.requests})`, `${kb(b.gzip)} (${b.requests})`, fmtRatio(b.gzip ? a.gzip / b.gzip : null), '', '']);
  }
  const cssJs = (p: PageWeight) => p.firstView.byType.stylesheet.gzip + p.firstView.byType.script.gzip;
  const t1 = targets.find((t) => t.id === `weight.${locale}.first-view-css-js`);
  const t2 = targets.find((t) => t.id === `weight.${locale}.first-view-plus-search`);
  rows.push(['**first view CSS+JS**', kb(cssJs(ours)), kb(cssJs(stock)), fmtRatio(t1?.value ?? null), '≤ 0.60', t1 ? mark(t1.pass) : '']);
  rows.push(['first view, all', `${kb(ours.firstView.gzip)} (${ours.firstView.requests})`, `${kb(stock.firstView.gzip)} (${stock.firstView.requests})`, fmtRatio(ours.firstView.gzip / stock.firstView.gzip), '', '']);
  rows.push([`first search adds ("${ours.query}")`, `${kb(ours.search.gzip)} (${ours.search.requests})`, `${kb(stock.search.gzip)} (${stock.search.requests})`, fmtRatio(stock.search.gzip ? ours.search.gzip / stock.search.gzip : null), '', '']);
  rows.push(['**first view + first search**', kb(ours.firstView.gzip + ours.search.gzip), kb(stock.firstView.gzip + stock.search.gzip), fmtRatio(t2?.value ?? null), '≤ 0.80', t2 ? mark(t2.pass) : '']);
  rows.push(['search UI / results shown', `${ours.searchUi} / ${ours.results}`, `${stock.searchUi} / ${stock.results}`, '', '', '']);
  return `### ${locale}: ${new URL(ours.url).pathname}\n\n${table(['KB gzip (requests)', 'ours', 'stock Starlight', 'ratio', 'target', ''], rows)}`;
}

export function scalingTable(measures: BuildMeasure[], targets: Target[]): string {
  const sizes = [...new Set(measures.map((m) => m.articlesPerLocale))].sort((a, b) => a - b);
  const rows: (string | number)[][] = [];
  for (const size of sizes) {
    for (const variant of ['project', 'stock', 'stock-md'] as const) {
      const m = measures.find((x) => x.articlesPerLocale === size && x.variant === variant);
      if (!m) continue;
      const t = variant === 'project' ? targets.find((x) => x.id === `scaling.${size}.ms-per-page`) : undefined;
      const md = variant === 'project' ? targets.find((x) => x.id === `scaling.${size}.md-ms-per-page`) : undefined;
      const cold = variant === 'project' ? targets.find((x) => x.id === `scaling.${size}.cold-ms-per-page`) : undefined;
      rows.push([
        `${size} × 4`, variant, m.htmlPages, secs(m.wallMs), m.msPerPage.toFixed(1), cold ? fmtRatio(cold.value) : '',
        m.rebuildMsPerPage === undefined ? '—' : m.rebuildMsPerPage.toFixed(1),
        t ? `${fmtRatio(t.value)} ${mark(t.pass)}` : '', md ? fmtRatio(md.value) : '', gb(m.peakTreeRss), m.maxSingleRss ? gb(m.maxSingleRss) : '—',
        (m.pagefindBytes / 1024 / 1024).toFixed(1), m.ogImages ? `${m.ogImages} / ${secs(m.routeMs.ogImage)} s` : '—',
        m.cpuSeconds === undefined ? '—' : m.cpuSeconds.toFixed(0), m.otherCpuSeconds === undefined ? '—' : m.otherCpuSeconds.toFixed(0),
      ]);
    }
  }
  const growth = targets.find((t) => t.id === 'scaling.growth-1250-vs-250');
  const tail = growth ? `\n\nProject cost per page at 1,250/locale ÷ at 250/locale: ${fmtRatio(growth.value)} (target ≤ 1.10) ${mark(growth.pass)}` : '';
  const phaseRows = measures.map((m) => [`${m.articlesPerLocale} × 4`, m.variant, ...['contentSyncAndTypes', 'bundle', 'staticRoutes', 'pagefind', 'astroTotal'].map((k) => (m.phases[k] === undefined ? '—' : secs(m.phases[k]!)))]);
  const phases = `\n\nAstro's phases (s, from its log; static routes include the OG cards):\n\n${table(['articles/locale', 'site', 'content sync + types', 'bundle', 'static routes', 'Pagefind', 'Astro total'], phaseRows)}`;
  return table(['articles/locale', 'site', 'HTML pages', 'cold wall s', 'cold ms/page', 'cold ratio (info)', 'rebuild ms/page', 'rebuild: project ÷ stock (≤ 1.50)', 'rebuild ÷ stock-md (info)', 'peak RSS tree GB', 'largest process GB', 'Pagefind MB', 'OG cards / render s', 'build CPU s', 'others\' CPU s meanwhile'], rows) + tail + phases;
}

export function lighthouseTable(results: Partial<Record<string, LighthouseResult>>, categories: readonly CategoryId[]): string {
  const rows = Object.entries(results).map(([l, r]) => [l, ...categories.map((c) => (r!.scores[c] === 100 ? '100' : `**${r!.scores[c] ?? '—'}**`)), r!.performanceRuns ? r!.performanceRuns.map((x) => x ?? '—').join(', ') : '—', Object.entries(r!.metrics).map(([k, v]) => `${k.replace(/-/g, ' ')} ${v}`).join(', ')]);
  const lost = Object.entries(results).flatMap(([l, r]) => r!.lostPoints.map((p) => `- ${l} ${p}`));
  return table(['locale', ...categories, 'performance of each run (median shown)', 'metrics (median run)'], rows) + (lost.length ? `\n\nAudits that cost points:\n${lost.join('\n')}` : '');
}

export function markdown(r: Results): string {
  const out: string[] = [
    `# Bench results`,
    ``,
    `${r.date} — ${r.machine.nproc} cores, ${gb(r.machine.memTotalBytes)} GB RAM, ${r.machine.cpu}; Node ${r.machine.node}; ${r.machine.chromium}. Generated by \`npm run bench\` (scripts/bench.ts).`,
    ``,
  ];
  if (r.missed.length) out.push(`**Targets missed (${r.missed.length}):**`, '', ...r.missed.map((m) => `- ${m}`), '');
  else out.push('All targets met.', '');
  if (r.pageWeight) {
    out.push('## Page weight: ours vs stock Starlight', '', 'gzip -6 of each response body (already-compressed bodies counted as served); cold cache; first view waits for 1.5 s of network silence so idle-time loads count.', '');
    for (const [l, p] of Object.entries(r.pageWeight)) out.push(pageWeightTable(l, p!.ours, p!.stock, r.targets), '');
  }
  if (r.scaling?.length) {
    out.push('## Build scaling (synthetic articles: cold build, then a rebuild with caches kept)', '', scalingTable(r.scaling, r.targets), '');
  }
  if (r.lighthouse) {
    out.push('## Lighthouse (mobile, default config, median of 3 runs by performance; target 100 in all four)', '', lighthouseTable(r.lighthouse, ['performance', 'accessibility', 'best-practices', 'seo']), '');
  }
  if (r.notes.length) out.push('## Notes', '', ...r.notes.map((n) => `- ${n}`), '');
  return out.join('\n');
}
