/**
 * Bench helpers: temporary folders that are always removed, running `astro build` while sampling
 * the memory of its whole process tree, folder sizes and number formatting.
 */
import { spawn, execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (/work/main). */
export const root = fileURLToPath(new URL('../../', import.meta.url));
export const astroCli = join(root, 'node_modules/astro/bin/astro.mjs');
export { chromiumArgs, chromiumPath } from '../lib/chromium.ts';

// ---------- temporary folders ----------

const temps = new Set<string>();

/** A fresh folder under os.tmpdir(), removed by `removeTemps()` (also on Ctrl+C). */
export function makeTemp(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `kb-bench-${prefix}-`));
  temps.add(dir);
  return dir;
}

export function removeTemp(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  temps.delete(dir);
}

export function removeTemps(): void {
  for (const dir of [...temps]) {
    try {
      removeTemp(dir);
    } catch {
      // best effort: a folder still in use is reported by the OS, nothing else to do
    }
  }
}

// ---------- sizes ----------

/** Total bytes of every file below `dir` (symlinks are not followed). */
export function dirBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) total += dirBytes(full);
    else if (entry.isFile()) total += statSync(full).size;
  }
  return total;
}

/** Number of `.html` files below `dir`. */
export function countHtml(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) n += countHtml(join(dir, entry.name));
    else if (entry.name.endsWith('.html')) n++;
  }
  return n;
}

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);
export const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
export const gb = (bytes: number) => (bytes / 1024 / 1024 / 1024).toFixed(2);
export const secs = (ms: number) => (ms / 1000).toFixed(1);
export const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);

// ---------- process tree memory ----------

function getconf(name: string, fallback: number): number {
  try {
    return Number(execFileSync('getconf', [name], { encoding: 'utf8' }).trim()) || fallback;
  } catch {
    return fallback;
  }
}
const pageSize = getconf('PAGESIZE', 4096);
const clockTicks = getconf('CLK_TCK', 100);

/** Resident memory (bytes) of `pid` and all its descendants, read from /proc. */
export function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // the process ended meanwhile
    }
    // fields after "(comm)": state ppid ... ; rss is field 24 (index 21 after the comm)
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(rest[1]);
    const own = Number(name);
    rss.set(own, Number(rest[21]) * pageSize);
    const list = children.get(ppid) ?? [];
    list.push(own);
    children.set(ppid, list);
  }
  let total = 0;
  const queue = [pid];
  const seen = new Set<number>();
  while (queue.length > 0) {
    const p = queue.pop()!;
    if (seen.has(p)) continue;
    seen.add(p);
    total += rss.get(p) ?? 0;
    queue.push(...(children.get(p) ?? []));
  }
  return total;
}

/** Busy and total CPU time of the whole machine so far, in seconds (/proc/stat). */
function machineCpu(): { busy: number; total: number } {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = f;
  const busy = user + nice + system + irq + softirq + steal;
  return { busy: busy / clockTicks, total: (busy + idle + iowait) / clockTicks };
}

export interface BuildRun {
  ok: boolean;
  exitCode: number | null;
  wallMs: number;
  /** highest sum of RSS over the build's whole process tree, sampled every 100 ms from /proc */
  peakTreeRss: number;
  /** `/usr/bin/time -v` "Maximum resident set size": the largest single process of the tree */
  maxSingleRss?: number;
  /** user + system CPU seconds of the build and its children (/usr/bin/time) */
  cpuSeconds?: number;
  /** CPU seconds the rest of the machine used meanwhile (other people's builds and tests skew wall times) */
  otherCpuSeconds?: number;
  logFile: string;
}

const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * Run `astro build` in `cwd` with the project's Node (and the astro CLI at `cli`: a temp project
 * must use the copy in its own run folder, or Astro is loaded twice), output to `logFile`.
 * Wall time is measured around the child process; memory is sampled from /proc every 100 ms.
 */
export function runAstroBuild(cwd: string, logFile: string, cli = astroCli): Promise<BuildRun> {
  const timeFile = `${logFile}.time`;
  const cmd = [process.execPath, cli, 'build'];
  const [file, ...args] = gnuTime ? [gnuTime, '-v', '-o', timeFile, ...cmd] : cmd;
  const out = openSync(logFile, 'w');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const cpuBefore = machineCpu();
    const child = spawn(file!, args, {
      cwd,
      stdio: ['ignore', out, out],
      env: { ...process.env, FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    });
    let peak = 0;
    const sample = () => {
      if (child.pid !== undefined) peak = Math.max(peak, treeRss(child.pid));
    };
    const timer = setInterval(sample, 100);
    child.on('error', (e) => {
      clearInterval(timer);
      closeSync(out);
      reject(new Error(`could not start ${file}: ${e.message}`));
    });
    child.on('exit', (code) => {
      const wallMs = performance.now() - started;
      clearInterval(timer);
      closeSync(out);
      const cpuAfter = machineCpu();
      let maxSingleRss: number | undefined;
      let cpuSeconds: number | undefined;
      let otherCpuSeconds: number | undefined;
      if (gnuTime && existsSync(timeFile)) {
        const t = readFileSync(timeFile, 'utf8');
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(t);
        if (m) maxSingleRss = Number(m[1]) * 1024;
        const u = /User time \(seconds\): ([\d.]+)/.exec(t);
        const s = /System time \(seconds\): ([\d.]+)/.exec(t);
        if (u && s) {
          cpuSeconds = Number(u[1]) + Number(s[1]);
          otherCpuSeconds = Math.max(0, cpuAfter.busy - cpuBefore.busy - cpuSeconds);
        }
      }
      resolve({ ok: code === 0, exitCode: code, wallMs, peakTreeRss: peak, maxSingleRss, cpuSeconds, otherCpuSeconds, logFile });
    });
  });
}

/** Astro's own phase timings from a build log (ms); absent phases are left out. */
export function buildPhases(logFile: string): Record<string, number> {
  const text = readFileSync(logFile, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
  const dur = (v: string) => {
    const m = /^(?:(\d+)m\s*)?(\d+(?:\.\d+)?)(ms|s)$/.exec(v.trim());
    if (!m) return Number.NaN;
    return Number(m[1] ?? 0) * 60_000 + Number(m[2]) * (m[3] === 's' ? 1000 : 1);
  };
  const phases: Record<string, number> = {};
  const one = (name: string, re: RegExp) => {
    const m = re.exec(text);
    if (m) phases[name] = dur(m[1]!);
  };
  one('contentSyncAndTypes', /\[types\] Generated ((?:\d+m\s*)?[\d.]+m?s)/);
  const bundles = [...text.matchAll(/\[vite\] ✓ built in ((?:\d+m\s*)?[\d.]+m?s)/g)].map((m) => dur(m[1]!));
  if (bundles.length) phases.bundle = bundles.reduce((a, b) => a + b, 0);
  one('staticRoutes', /^\d\d:\d\d:\d\d ✓ Completed in ((?:\d+m\s*)?[\d.]+m?s)/m);
  one('pagefind', /Finished building search index in ((?:\d+m\s*)?[\d.]+m?s)/);
  one('astroTotal', /page\(s\) built in ((?:\d+m\s*)?[\d.]+m?s)/);
  return phases;
}

/** The last lines of a build log without the per-module warning noise, for error messages. */
export function logTail(logFile: string, lines = 40): string {
  if (!existsSync(logFile)) return '(no log)';
  return readFileSync(logFile, 'utf8')
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((l) => !/MODULE_LEVEL_DIRECTIVE|^\s*[│╭╰─]|may not be preserved|^\s*$/.test(l))
    .slice(-lines)
    .join('\n');
}
