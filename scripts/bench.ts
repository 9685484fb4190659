// Purpose: `npm run bench` — page weight and first search vs stock Starlight, build scaling on synthetic articles, Lighthouse; writes bench/results.{json,md}, exits 1 when a target is missed.
/**
 * Usage: npm run bench -- [--no-build] [--sizes 25,250] [--only weight,scaling,lighthouse]
 *   --no-build   reuse the project's dist/ instead of running `astro build` first
 *   --sizes      synthetic articles per locale for the scaling runs (default 25,250,1250)
 *   --only       run only some parts (weight, scaling, lighthouse); the others are left out
 * Everything temporary lives under os.tmpdir() and is removed at the end (also on Ctrl+C).
 * Not part of `npm test`: it takes several minutes and its numbers depend on the machine.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem, type as osType, release } from 'node:os';
import { join } from 'node:path';
import { localeKeys, type Locale } from '../src/model/locales.ts';
import { generateArticles, planOf } from './bench/synthetic.ts';
import { clearSharedCaches, linkPackages, makeProjectCopy, makeStockProject, realContent, realHubs } from './bench/projects.ts';
import { measurePage, serveLogged, type LoggedServer, type PageWeight } from './bench/weight.ts';
import { categoryIds, runLighthouse, type LighthouseResult } from './bench/lighthouse.ts';
import { lighthouseTable, markdown, pageWeightTable, scalingTable, type BuildMeasure, type Results, type Target } from './bench/report.ts';
import { buildPhases, countHtml, dirBytes, kb, logTail, makeTemp, removeTemp, removeTemps, root, runAstroBuild, secs, type BuildRun } from './bench/util.ts';

// ---------- options ----------

const parts = ['weight', 'scaling', 'lighthouse'] as const;
const LIGHTHOUSE_RUNS = 3;
type Part = (typeof parts)[number];

function parseArgs(argv: string[]) {
  let build = true;
  let sizes = [25, 250, 1250];
  let only: Part[] = [...parts];
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--no-build') build = false;
    else if (flag === '--sizes') {
      const raw = value();
      sizes = raw.split(',').map((s) => Number(s.trim()));
      if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 3)) fail(`--sizes "${raw}": give whole numbers ≥ 3 separated by commas, e.g. --sizes 25,250`);
      sizes = [...new Set(sizes)].sort((a, b) => a - b);
    } else if (flag === '--only') {
      const raw = value();
      only = raw.split(',').map((s) => s.trim()) as Part[];
      const bad = only.filter((p) => !parts.includes(p));
      if (bad.length) fail(`--only "${raw}": unknown part(s) ${bad.join(', ')}; use ${parts.join(', ')}`);
    } else if (flag === '--help' || flag === '-h') {
      console.log(readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(1, 9).join('\n'));
      process.exit(0);
    } else fail(`unknown option "${argv[i]}" (use --no-build, --sizes 25,250,1250, --only weight,scaling,lighthouse)`);
  }
  return { build, sizes, only };
}

function fail(message: string): never {
  console.error(`bench: ${message}`);
  removeTemps();
  process.exit(2);
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    console.error(`\nbench: ${sig}, removing temporary folders`);
    removeTemps();
    process.exit(130);
  });
}

/** What a reader would type; for every locale in src/model/locales.ts. */
const queries: Record<string, string> = { en: 'passport expired', zh: '护照过期', ja: 'パスポート 期限切れ', ko: '여권 만료' };
const articlePath = (l: Locale) => `/${l}/reasons/photo-quality/`;

// ---------- helpers ----------

const startedAt = Date.now();
const elapsed = () => `${secs(Date.now() - startedAt)} s`;
const say = (msg: string) => console.log(`[bench ${elapsed()}] ${msg}`);

async function build(dir: string, what: string, logFile: string, cli?: string, retries = 0): Promise<BuildRun> {
  say(`astro build: ${what} …`);
  let run = await runAstroBuild(dir, logFile, cli);
  for (let i = 0; i < retries && !run.ok; i++) {
    say(`build failed (exit ${run.exitCode}); retrying once in case another build was running in the same folder`);
    run = await runAstroBuild(dir, logFile, cli);
  }
  if (!run.ok) throw new Error(`astro build of ${what} failed (exit ${run.exitCode}) in ${dir}. Last lines of its output:\n${logTail(logFile)}`);
  const others = run.otherCpuSeconds !== undefined && run.otherCpuSeconds > 0.2 * (run.wallMs / 1000) ? `; other processes used ${run.otherCpuSeconds.toFixed(0)} CPU-s meanwhile, so this wall time is inflated` : '';
  say(`  done in ${secs(run.wallMs)} s, peak RSS ${(run.peakTreeRss / 2 ** 30).toFixed(2)} GB${others}`);
  return run;
}

/** Per-route render times Astro prints while generating static routes: `├─ /og/en.png (+370ms)`. */
function routeTimes(logFile: string): BuildMeasure['routeMs'] & { ogImages: number } {
  const t = { html: 0, ogImage: 0, other: 0, ogImages: 0 };
  for (const m of readFileSync(logFile, 'utf8').replace(/\x1b\[[0-9;]*m/g, '').matchAll(/[├└]─ (\S+) \(\+(\d+(?:\.\d+)?)(ms|s)\)/g)) {
    const ms = Number(m[2]) * (m[3] === 's' ? 1000 : 1);
    if (/^\/og\/.*\.png$/.test(m[1]!)) {
      t.ogImage += ms;
      t.ogImages++;
    } else if (m[1]!.endsWith('.html') || m[1]!.endsWith('/')) t.html += ms;
    else t.other += ms;
  }
  return t;
}

/**
 * Copy dist/ into the run folder and serve the copy: other people rebuild dist/ while the bench
 * runs, and a half-written dist/ would skew or crash the measurement. A copy that lacks an
 * article page or the search index is taken again after a pause (a build was probably running).
 */
async function snapshotDist(dist: string, to: string): Promise<string> {
  const missing = () => [...localeKeys.map((l) => join(to, articlePath(l), 'index.html')), join(to, 'pagefind/pagefind.js'), join(to, '404.html')].filter((f) => !existsSync(f));
  for (let attempt = 1; ; attempt++) {
    rmSync(to, { recursive: true, force: true });
    if (existsSync(dist)) cpSync(dist, to, { recursive: true });
    const gone = existsSync(dist) ? missing() : [dist];
    if (gone.length === 0) return to;
    if (attempt === 4) throw new Error(`dist/ is incomplete (missing ${gone.map((f) => f.replace(to, 'dist')).join(', ')}): build the site (drop --no-build), or wait for a running build to finish`);
    say(`dist/ is incomplete (another build running?); copying again in 15 s`);
    await new Promise((r) => setTimeout(r, 15_000));
  }
}

function machine(): Results['machine'] {
  let chromium = 'Chromium (version unknown)';
  try {
    chromium = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // keep the placeholder
  }
  return { nproc: availableParallelism(), memTotalBytes: totalmem(), cpu: cpus()[0]?.model ?? 'unknown', os: `${osType()} ${release()}`, node: process.version, chromium };
}

// ---------- main ----------

async function main(): Promise<number> {
  const opts = parseArgs(process.argv.slice(2));
  const results: Results = { date: new Date().toISOString(), machine: machine(), options: opts, durationsMs: {}, targets: [], missed: [], notes: [] };
  const targets = results.targets;
  const target = (t: Omit<Target, 'pass'>) => {
    const pass = t.value !== null && !Number.isNaN(t.value) && (t.op === '<=' ? t.value <= t.limit : t.op === '>=' ? t.value >= t.limit : t.value === t.limit);
    targets.push({ ...t, pass });
  };
  /** A number reported next to a target but not itself a target (never counts as missed). */
  const info = (t: Omit<Target, 'pass' | 'note'>) => {
    target(t);
    targets[targets.length - 1]!.note = 'info';
  };
  const missingQuery = localeKeys.filter((l) => !queries[l]);
  if (missingQuery.length) fail(`scripts/bench.ts has no search query for ${missingQuery.join(', ')}: add one to \`queries\``);

  say(`${results.machine.nproc} cores, ${(results.machine.memTotalBytes / 2 ** 30).toFixed(1)} GB; parts: ${opts.only.join(', ')}; sizes: ${opts.sizes.join(', ')}`);
  const base = makeTemp('run');
  const work = join(base, 'work');
  mkdirSync(work);
  const linked = linkPackages(base);
  say(`temporary run folder ${base} (node_modules: ${linked} files hard-linked from the repo)`);
  const cli = join(base, 'node_modules/astro/bin/astro.mjs');

  // ----- 1. page weight vs stock (and the served dist/ for Lighthouse) -----
  if (opts.only.includes('weight') || opts.only.includes('lighthouse')) {
    const t0 = Date.now();
    const dist = join(root, 'dist');
    if (opts.build) {
      const run = await build(root, 'the project (dist/)', join(work, 'project-site.log'), undefined, 1);
      results.builds = { ...results.builds, projectSite: { wallMs: run.wallMs } };
    }
    const snapshot = await snapshotDist(dist, join(base, 'project-dist'));
    const ours = await serveLogged(snapshot);
    let stockServer: LoggedServer | undefined;
    try {
      if (opts.only.includes('weight')) {
        const stockDir = join(base, 'stock-site');
        mkdirSync(stockDir);
        makeStockProject(stockDir, realContent());
        const run = await build(stockDir, 'stock Starlight with the same pages', join(work, 'stock-site.log'), cli);
        results.builds = { ...results.builds, stockSite: { wallMs: run.wallMs, htmlPages: countHtml(join(stockDir, 'dist')) } };
        stockServer = await serveLogged(join(stockDir, 'dist'));
        results.pageWeight = {};
        for (const l of localeKeys) {
          say(`page weight ${articlePath(l)}: ours …`);
          const a = await measurePage(ours, articlePath(l), queries[l]!);
          say(`page weight ${articlePath(l)}: stock …`);
          const b = await measurePage(stockServer, articlePath(l), queries[l]!);
          results.pageWeight[l] = { ours: a, stock: b };
          const cssJs = (p: PageWeight) => p.firstView.byType.stylesheet.gzip + p.firstView.byType.script.gzip;
          target({ id: `weight.${l}.first-view-css-js`, what: `${l}: first-view CSS+JS ÷ stock (${kb(cssJs(a))} vs ${kb(cssJs(b))} KB gzip)`, value: cssJs(a) / cssJs(b), op: '<=', limit: 0.6 });
          const all = (p: PageWeight) => p.firstView.gzip + p.search.gzip;
          target({ id: `weight.${l}.first-view-plus-search`, what: `${l}: first view + first search ÷ stock (${kb(all(a))} vs ${kb(all(b))} KB gzip)`, value: all(a) / all(b), op: '<=', limit: 0.8 });
          target({ id: `weight.${l}.search-finds`, what: `${l}: our first search "${queries[l]}" shows results (else its bytes are not a real search)`, value: a.results, op: '>=', limit: 1 });
          if (b.results === 0) results.notes.push(`${l}: stock Starlight's search for "${queries[l]}" showed no results; its search bytes may be low.`);
          for (const [site, p] of [['ours', a], ['stock Starlight', b]] as const) if (p.failed.length) results.notes.push(`${site} ${articlePath(l)}: failed requests: ${p.failed.join('; ')}`);
          console.log(`\n${pageWeightTable(l, a, b, targets)}\n`);
        }
      }
      results.durationsMs.weight = Date.now() - t0;

      // ----- 3. Lighthouse (on the served project dist/) -----
      if (opts.only.includes('lighthouse')) {
        const t1 = Date.now();
        results.lighthouse = {};
        for (const l of localeKeys) {
          say(`Lighthouse ${articlePath(l)} …`);
          // Lighthouse's own advice for simulated throttling: run it several times and take the
          // median run (one run can land a metric on a score boundary, e.g. FCP 1.2 s vs 1.4 s).
          const runs: LighthouseResult[] = [];
          for (let i = 1; i <= LIGHTHOUSE_RUNS; i++) runs.push(await runLighthouse(new URL(articlePath(l), ours.url).href, work, `lighthouse-${l}-${i}`));
          const byPerformance = [...runs].sort((a, b) => (a.scores.performance ?? -1) - (b.scores.performance ?? -1));
          const r: LighthouseResult = { ...byPerformance[Math.floor(runs.length / 2)]!, performanceRuns: runs.map((x) => x.scores.performance) };
          results.lighthouse[l] = r;
          for (const c of categoryIds) target({ id: `lighthouse.${l}.${c}`, what: `${l}: Lighthouse ${c}`, value: r.scores[c], op: '==', limit: 100 });
        }
        console.log(`\n${lighthouseTable(results.lighthouse, categoryIds)}\n`);
        results.durationsMs.lighthouse = Date.now() - t1;
      }
    } finally {
      await ours.close();
      await stockServer?.close();
    }
  }

  // ----- 2. build scaling -----
  if (opts.only.includes('scaling')) {
    const t2 = Date.now();
    const hubs = realHubs();
    results.scaling = [];
    for (const size of opts.sizes) {
      const plan = planOf(size);
      const articles = generateArticles(size);
      say(`scaling ${size}/locale: ${plan.reasons} reasons, ${plan.fixes} fixes, ${plan.guides} guides per locale + ${hubs.length / localeKeys.length} hub pages`);
      for (const variant of ['project', 'stock', 'stock-md'] as const) {
        const dir = join(base, `${variant}-${size}`);
        mkdirSync(dir);
        const content = [...articles, ...hubs];
        if (variant === 'project') makeProjectCopy(dir, content);
        else makeStockProject(dir, content, variant === 'stock' ? 'mdx' : 'md');
        clearSharedCaches(base);
        const log = join(work, `${variant}-${size}.log`);
        const run = await build(dir, `${variant}, ${size} articles per locale`, log, cli);
        const distDir = join(dir, 'dist');
        const htmlPages = countHtml(distDir);
        const times = routeTimes(log);
        // The same build again, caches kept: what a deploy pays when the content did not change
        // (share images are rendered once per input, then reused).
        const again = await build(dir, `${variant}, ${size} articles per locale, rebuild`, join(work, `${variant}-${size}-rebuild.log`), cli);
        results.scaling.push({
          variant, articlesPerLocale: size, contentFiles: content.length, htmlPages,
          wallMs: run.wallMs, msPerPage: run.wallMs / htmlPages, rebuildWallMs: again.wallMs, rebuildMsPerPage: again.wallMs / htmlPages,
          peakTreeRss: Math.max(run.peakTreeRss, again.peakTreeRss), maxSingleRss: run.maxSingleRss,
          pagefindBytes: dirBytes(join(distDir, 'pagefind')), distBytes: dirBytes(distDir),
          routeMs: { html: times.html, ogImage: times.ogImage, other: times.other }, ogImages: times.ogImages,
          cpuSeconds: run.cpuSeconds, otherCpuSeconds: run.otherCpuSeconds, phases: buildPhases(log),
        });
        removeTemp(dir);
      }
      const p = results.scaling.find((m) => m.variant === 'project' && m.articlesPerLocale === size)!;
      const s = results.scaling.find((m) => m.variant === 'stock' && m.articlesPerLocale === size)!;
      // The target is the rebuild (the issue: "don't redo work whose input did not change");
      // the cold ratio, where every share image is rendered for the first time, is reported too.
      target({ id: `scaling.${size}.ms-per-page`, what: `${size}/locale: project rebuild ms/page ÷ stock rebuild (${p.rebuildMsPerPage!.toFixed(1)} vs ${s.rebuildMsPerPage!.toFixed(1)})`, value: p.rebuildMsPerPage! / s.rebuildMsPerPage!, op: '<=', limit: 1.5 });
      info({ id: `scaling.${size}.cold-ms-per-page`, what: `${size}/locale: project cold build ms/page ÷ stock cold (${p.msPerPage.toFixed(1)} vs ${s.msPerPage.toFixed(1)})`, value: p.msPerPage / s.msPerPage, op: '<=', limit: 1.5 });
      const md = results.scaling.find((m) => m.variant === 'stock-md' && m.articlesPerLocale === size)!;
      info({ id: `scaling.${size}.md-ms-per-page`, what: `${size}/locale: project rebuild ms/page ÷ stock rebuild with the articles as plain .md (${p.rebuildMsPerPage!.toFixed(1)} vs ${md.rebuildMsPerPage!.toFixed(1)})`, value: p.rebuildMsPerPage! / md.rebuildMsPerPage!, op: '<=', limit: 1.5 });
    }
    const at = (n: number) => results.scaling!.find((m) => m.variant === 'project' && m.articlesPerLocale === n);
    const [big, mid] = [at(1250), at(250)];
    if (big && mid) target({ id: 'scaling.growth-1250-vs-250', what: `project ms/page at 1,250/locale ÷ at 250/locale (${big.msPerPage.toFixed(1)} vs ${mid.msPerPage.toFixed(1)})`, value: big.msPerPage / mid.msPerPage, op: '<=', limit: 1.1 });
    else results.notes.push('Cost-per-page growth (1,250 vs 250 per locale) not evaluated: --sizes did not include both.');
    console.log(`\n${scalingTable(results.scaling, targets)}\n`);
    results.durationsMs.scaling = Date.now() - t2;
  }

  // ----- results -----
  results.notes.push(
    'Stock Starlight gets the same article files as MDX (.mdx, as the project\'s articles are): title and description only, MDX imports, the project\'s component tags and {#id} heading attributes removed; its sidebar is Starlight\'s default (every page listed), as configured by plain starlight({ title, defaultLocale, locales }). The build-time target compares with that. "stock-md" is the same stock site with the articles converted to plain Markdown (.md), which Astro renders once and caches between builds while MDX is compiled on every build: reported for information (until 2026-11-25 the bench compared with this variant).',
    'Synthetic scaling content: ~600 words per article (zh/ja: 600 two-character words), guides capped at 5 per locale (the project\'s sidebar lists every guide on every page), about 22% fixes, the rest reasons; plus the repo\'s hub pages. Each size is built twice per site: cold (no Astro, Vite or share-image cache) and again right after (caches kept). The build-time target is judged on the rebuild, where unchanged share images are not re-rendered; the cold ratio is reported for information.',
    'Wall times are sensitive to other work on this 2-core machine: each build records the CPU seconds the rest of the machine used meanwhile ("others\' CPU s"); when that is large, compare build CPU s rather than wall s and re-run the bench on a quiet machine.',
    'Peak RSS tree = highest sum of resident memory over the build\'s whole process tree (sampled every 100 ms from /proc); largest process = /usr/bin/time -v maximum resident set size.',
  );
  results.durationsMs.total = Date.now() - startedAt;
  results.missed = targets.filter((t) => !t.pass && t.note !== 'info').map((t) => `${t.what}: ${t.value === null || Number.isNaN(t.value) ? 'not measured' : Number.isInteger(t.value) ? t.value : t.value.toFixed(2)} (target ${t.op} ${t.limit})`);
  const outDir = join(root, 'bench');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(outDir, 'results.md'), markdown(results));
  say(`wrote bench/results.json and bench/results.md`);
  if (results.missed.length) {
    console.log(`\n${results.missed.length} target(s) missed:\n${results.missed.map((m) => `  ✗ ${m}`).join('\n')}`);
    return 1;
  }
  console.log(`\nAll ${targets.length} targets met.`);
  return 0;
}

let code = 1;
try {
  code = await main();
} catch (e) {
  console.error(`\nbench: ${(e as Error).message}`);
  code = 1;
} finally {
  removeTemps();
}
process.exit(code);
