/**
 * Lighthouse with its default (mobile) config, through its CLI on the project's Node, with the
 * machine's Chromium. Returns the four category scores and, for any score under 100, the audits
 * that cost points (so a miss says what to fix).
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumArgs, chromiumPath, logTail, root } from './util.ts';

export const categoryIds = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type CategoryId = (typeof categoryIds)[number];

export interface LighthouseResult {
  url: string;
  scores: Record<CategoryId, number | null>;
  metrics: Record<string, string>;
  /** audits with a score below 1 in a category that is below 100: `category: audit id — title` */
  lostPoints: string[];
  wallMs: number;
  /** when several runs were made: every run's performance score (the result is the median run) */
  performanceRuns?: (number | null)[];
}

interface Lhr {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { id: string; title: string; score: number | null; scoreDisplayMode: string; displayValue?: string; details?: { items?: { node?: { snippet?: string }; href?: string; text?: string }[] } }>;
}

export async function runLighthouse(url: string, workDir: string, name: string): Promise<LighthouseResult> {
  const out = join(workDir, `${name}.report.json`);
  const log = join(workDir, `${name}.log`);
  const cli = join(root, 'node_modules/lighthouse/cli/index.js');
  const args = [cli, url, '--output=json', `--output-path=${out}`, '--quiet', `--chrome-flags=${chromiumArgs.join(' ')}`];
  const started = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const fd = openSync(log, 'w');
    const child = spawn(process.execPath, args, { cwd: workDir, stdio: ['ignore', fd, fd], env: { ...process.env, CHROME_PATH: chromiumPath } });
    child.on('error', (e) => {
      closeSync(fd);
      reject(new Error(`could not start Lighthouse (${cli}): ${e.message}`));
    });
    child.on('exit', (c) => {
      closeSync(fd);
      resolve(c);
    });
  });
  const wallMs = performance.now() - started;
  let lhr: Lhr;
  try {
    lhr = JSON.parse(readFileSync(out, 'utf8')) as Lhr;
  } catch {
    throw new Error(`Lighthouse on ${url} exited with ${code} and wrote no report. Its output:\n${logTail(log, 20)}`);
  }
  const scores = Object.fromEntries(categoryIds.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c]!.score! * 100)])) as Record<CategoryId, number | null>;
  const lostPoints: string[] = [];
  for (const c of categoryIds) {
    if (scores[c] === 100) continue;
    for (const ref of lhr.categories[c]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (!a || ref.weight === 0 || a.score === null || a.score >= 1) continue;
      if (a.scoreDisplayMode === 'informative' || a.scoreDisplayMode === 'notApplicable' || a.scoreDisplayMode === 'manual') continue;
      const examples = (a.details?.items ?? [])
        .map((i) => i.node?.snippet ?? (i.href ? `${i.href} "${i.text ?? ''}"` : undefined))
        .filter((x): x is string => !!x)
        .slice(0, 3)
        .map((x) => (x.length > 160 ? `${x.slice(0, 157)}…` : x));
      lostPoints.push(`${c}: ${a.id} — ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}${examples.length ? `: ${examples.map((x) => `\`${x}\``).join(', ')}` : ''}`);
    }
  }
  const metrics: Record<string, string> = {};
  for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
    const a = lhr.audits[id];
    if (a?.displayValue) metrics[id] = a.displayValue;
  }
  return { url, scores, metrics, lostPoints, wallMs };
}

