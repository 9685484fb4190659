/**
 * The content gate: every rule about the articles, written once. The build runs it from
 * `src/content.config.ts` (and stops on any problem); `npm test` and `npm run check:content`
 * run the same function. It reads `content/` from disk, so it lists every problem at once.
 *
 * A problem names the file, the line, the rule and what to do about it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import { defaultLocale, isLocale, localeKeys, type Locale } from './locales.ts';
import { articleSchema, kindDirs, starlightFields, type Article, type Kind } from './schema.ts';
import { forbiddenPathPatterns, isAllowedUrl, referralParams, scamWarningRequired, verbatimStrings } from './trust.ts';
import { glossary } from './glossary.ts';
import { revisionOf } from './revision.ts';

export interface Problem {
  file: string;
  line: number;
  rule: string;
  message: string;
}

/** One parsed article file. `key` is the language-neutral id: `reasons/photo-quality`, `index`, `reasons/index`. */
export interface ParsedFile {
  file: string;
  locale: Locale;
  key: string;
  kind: Kind;
  id: string;
  data: Article;
  raw: string;
  body: string;
  bodyLine: number;
  headingIds: { id: string; line: number }[];
  tree: Root;
}

export const requiredReasonSections = ['what-you-see', 'why', 'fix'] as const;

const mdxParser = unified().use(remarkParse).use(remarkGfm).use(remarkMdx);

/** `## Title {#id}` → Sätteri's heading attribute. remark-mdx would read `{#id}` as JS, so we escape it. */
const headingAttr = /^(#{1,6}\s.*?)\s*\{#([A-Za-z0-9_-]+)\}\s*$/;

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}  [${p.rule}] ${p.message}`;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

/** Line (1-based) in `raw` where a frontmatter field starts; falls back to 1. */
function fieldLine(raw: string, path: (string | number)[]): number {
  const lines = raw.split('\n');
  const top = String(path[0] ?? '');
  let start = lines.findIndex((l) => l.startsWith(top + ':'));
  if (start < 0) return 1;
  const index = path.find((p) => typeof p === 'number') as number | undefined;
  if (index === undefined) return start + 1;
  // count list items below the field
  let seen = -1;
  for (let i = start + 1; i < lines.length && /^(\s|$)/.test(lines[i]!); i++) {
    if (/^\s*-\s/.test(lines[i]!)) seen++;
    if (seen === index) return i + 1;
  }
  return start + 1;
}

function splitFrontmatter(raw: string): { yaml: string; body: string; bodyLine: number } | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(raw);
  if (!m) return undefined;
  const bodyLine = m[0].split('\n').length; // 1-based line of the first body line
  return { yaml: m[1]!, body: raw.slice(m[0].length), bodyLine };
}

function headingIdsOf(body: string, bodyLine: number) {
  const ids: { id: string; line: number }[] = [];
  let fence = false;
  body.split('\n').forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence) return;
    const m = headingAttr.exec(line);
    if (m) ids.push({ id: m[2]!, line: bodyLine + i });
  });
  return ids;
}

function escapeHeadingAttrs(body: string): string {
  return body
    .split('\n')
    .map((line) => line.replace(headingAttr, (_all, head: string, id: string) => `${head} \\{#${id}\\}`))
    .join('\n');
}

/** Where a file sits decides its locale, kind and id. */
function placeOf(rel: string): { locale: string; key: string; dirKind?: Kind; id: string } | { error: string } {
  const parts = rel.split('/');
  const locale = parts[0]!;
  const rest = parts.slice(1).join('/').replace(/\.mdx?$/, '');
  if (rest === 'index') return { locale, key: 'index', id: 'index' };
  if (rest === 'reasons/index') return { locale, key: 'reasons/index', id: 'reasons' };
  if (rest === 'search') return { locale, key: 'search', id: 'search' };
  const m = /^(reasons|fixes|guides)\/([^/]+)$/.exec(rest);
  if (!m) {
    return { error: `articles live at content/<locale>/{reasons,fixes,guides}/<id>.mdx (hubs: index.mdx, reasons/index.mdx, search.mdx); move or rename this file` };
  }
  const dirKind = (Object.entries(kindDirs).find(([, d]) => d === m[1])![0]) as Kind;
  return { locale, key: `${m[1]}/${m[2]}`, dirKind, id: m[2]! };
}

/**
 * Check every file under `contentDir`. `root` is what file names are shown relative to.
 */
export function checkContent(contentDir: string, root = process.cwd()): { problems: Problem[]; files: ParsedFile[] } {
  const problems: Problem[] = [];
  const files: ParsedFile[] = [];
  const present = new Set<string>(); // locale/key of every placed file, even one that failed to parse
  const show = (f: string) => relative(root, f).split(sep).join('/');
  const add = (file: string, line: number, rule: string, message: string) => problems.push({ file, line, rule, message });

  // 1. Locale folders and file placement.
  for (const name of readdirSync(contentDir).sort()) {
    const full = join(contentDir, name);
    if (!statSync(full).isDirectory()) continue;
    if (!isLocale(name)) {
      add(show(full), 1, 'unknown-locale', `"${name}" is not a configured locale (${localeKeys.join(', ')}). Add it to src/model/locales.ts, or move its files into one of those folders.`);
    }
  }

  for (const full of walk(contentDir)) {
    const file = show(full);
    const rel = relative(contentDir, full).split(sep).join('/');
    if (!/\.mdx?$/.test(rel)) continue;
    if (rel.split('/').some((p) => p.startsWith('_'))) continue; // drafts/partials, ignored by Starlight too
    const place = placeOf(rel);
    if ('error' in place) {
      add(file, 1, 'file-location', place.error);
      continue;
    }
    if (!isLocale(place.locale)) continue; // reported once above
    present.add(`${place.locale}/${place.key}`);
    const raw = readFileSync(full, 'utf8');
    const split = splitFrontmatter(raw);
    if (!split) {
      add(file, 1, 'frontmatter', 'the file must start with YAML frontmatter between two `---` lines');
      continue;
    }
    let yaml: unknown;
    try {
      yaml = parseYaml(split.yaml);
    } catch (e) {
      const pos = (e as { linePos?: { line: number }[] }).linePos;
      add(file, (pos?.[0]?.line ?? 0) + 1, 'frontmatter', `the YAML frontmatter does not parse: ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    const fields = { ...(yaml as Record<string, unknown>) };
    for (const f of starlightFields) delete fields[f];
    const parsed = articleSchema.safeParse(fields);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path as (string | number)[];
        const field = path.length ? path.join('.') : '(frontmatter)';
        let message = issue.message;
        if (issue.code === 'unrecognized_keys') message = `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove or rename (see src/model/schema.ts)`;
        if (issue.code === 'invalid_union' && path[0] === 'kind') message = 'kind must be one of reason, fix, guide, hub';
        add(file, fieldLine(raw, issue.code === 'unrecognized_keys' ? [issue.keys[0]!] : path), 'schema', `${field}: ${message}`);
      }
      continue;
    }
    const data = parsed.data;
    const expectedKind = ['index', 'reasons/index', 'search'].includes(place.key) ? 'hub' : place.dirKind;
    if (data.kind !== expectedKind) {
      add(file, fieldLine(raw, ['kind']), 'kind-location', `kind is "${data.kind}" but the file is in the folder for "${expectedKind}"; move the file or fix kind`);
      continue;
    }
    let tree: Root;
    try {
      tree = mdxParser.parse(escapeHeadingAttrs(split.body)) as Root;
    } catch (e) {
      const err = e as { line?: number; place?: { line?: number }; reason?: string };
      const line = (err.place?.line ?? err.line ?? 1) + split.bodyLine - 1;
      add(file, line, 'mdx-syntax', `the body is not valid MDX: ${err.reason ?? (e as Error).message}`);
      continue;
    }
    files.push({
      file,
      locale: place.locale,
      key: place.key,
      kind: data.kind,
      id: place.id,
      data,
      raw,
      body: split.body,
      bodyLine: split.bodyLine,
      headingIds: headingIdsOf(split.body, split.bodyLine),
      tree,
    });
  }

  problems.push(...crossChecks(files, present));
  return { problems, files };
}

/** Rules that need more than one file: links between articles, parity between locales, trust rules. */
function crossChecks(files: ParsedFile[], present: Set<string>): Problem[] {
  const problems: Problem[] = [];
  const add = (file: string, line: number, rule: string, message: string) => problems.push({ file, line, rule, message });
  const byLocale = new Map<Locale, Map<string, ParsedFile>>(localeKeys.map((l) => [l, new Map()]));
  for (const f of files) byLocale.get(f.locale)!.set(f.key, f);
  const allKeys = new Set(files.map((f) => f.key));
  const en = byLocale.get(defaultLocale)!;

  // Parity: every article in every locale.
  for (const key of [...allKeys].sort()) {
    const there = localeKeys.filter((l) => byLocale.get(l)!.has(key));
    const missing = localeKeys.filter((l) => !present.has(`${l}/${key}`));
    for (const l of missing) {
      const other = byLocale.get(there[0]!)!.get(key)!;
      add(`content/${l}/${key}.mdx`, 1, 'missing-translation', `missing: ${other.file} exists but this locale has no "${key}". Write the ${l} article (same file name) or remove it from every locale.`);
    }
  }

  for (const f of files) {
    const here = byLocale.get(f.locale)!;
    const enTwin = en.get(f.key);

    if (f.data.kind === 'reason') {
      const d = f.data;
      d.fixes.forEach((fixId, i) => {
        const target = here.get(`fixes/${fixId}`) ?? [...allKeys].map((k) => here.get(k)).find((a) => a?.id === fixId);
        if (!target) add(f.file, fieldLine(f.raw, ['fixes', i]), 'unknown-id', `fixes[${i}]: "${fixId}" is not an article in ${f.locale}. Create content/${f.locale}/fixes/${fixId}.mdx or use an existing fix id.`);
        else if (target.kind !== 'fix') add(f.file, fieldLine(f.raw, ['fixes', i]), 'not-a-fix', `fixes[${i}]: "${fixId}" is a ${target.kind}, not a fix. List fix ids here; link guides from the body instead.`);
      });
      d.related.forEach((rid, i) => {
        const target = here.get(`reasons/${rid}`);
        if (!target) add(f.file, fieldLine(f.raw, ['related', i]), 'unknown-id', `related[${i}]: "${rid}" is not a reason in ${f.locale}. Use the id of an existing reason.`);
        if (rid === f.id) add(f.file, fieldLine(f.raw, ['related', i]), 'unknown-id', `related[${i}]: a reason cannot be related to itself`);
      });
      if (enTwin && enTwin !== f && enTwin.data.kind === 'reason' && enTwin.data.fixes.join(',') !== d.fixes.join(',')) {
        add(f.file, fieldLine(f.raw, ['fixes']), 'fixes-differ', `fixes is [${d.fixes.join(', ')}] here but [${enTwin.data.fixes.join(', ')}] in ${enTwin.file}. Every locale lists the same fixes in the same order.`);
      }
      if (enTwin && enTwin !== f && enTwin.data.kind === 'reason' && enTwin.data.related.join(',') !== d.related.join(',')) {
        add(f.file, fieldLine(f.raw, ['related']), 'related-differ', `related is [${d.related.join(', ')}] here but [${enTwin.data.related.join(', ')}] in ${enTwin.file}. Every locale lists the same related reasons.`);
      }
      const ids = new Set(f.headingIds.map((h) => h.id));
      for (const s of requiredReasonSections) {
        if (!ids.has(s)) add(f.file, f.bodyLine, 'reason-sections', `a reason needs a heading with {#${s}} (sections: ${requiredReasonSections.map((x) => `{#${x}}`).join(', ')})`);
      }
      d.messages.forEach((m, i) => {
        if (!m.verbatim) return;
        const known = verbatimStrings.find((v) => v.text === m.text && v.lang === m.lang);
        if (!known) add(f.file, fieldLine(f.raw, ['messages', i]), 'verbatim', `messages[${i}] is marked verbatim but "${m.text}" is not a documented on-screen string (src/model/trust.ts). Set verbatim: false (shown as a paraphrase) or add the string with its official source.`);
      });
    }

    // Same explicit heading ids as the English article, in the same order.
    if (enTwin && enTwin !== f) {
      const mine = f.headingIds.map((h) => h.id).join(', ');
      const theirs = enTwin.headingIds.map((h) => h.id).join(', ');
      if (mine !== theirs) {
        add(f.file, f.headingIds[0]?.line ?? f.bodyLine, 'heading-ids-differ', `heading ids are [${mine}] here but [${theirs}] in ${enTwin.file}. Use the same {#id}s in the same order in every locale so links to a section survive a language switch.`);
      }
    }

    // Translation bookkeeping.
    if (f.locale === defaultLocale && f.data.translatedFrom) {
      add(f.file, fieldLine(f.raw, ['translatedFrom']), 'translated-from', 'English is the source language: remove translatedFrom');
    }
    if (f.locale !== defaultLocale && enTwin && !f.data.translatedFrom) {
      add(f.file, 1, 'translated-from', `add translatedFrom: ${revisionOf(enTwin.raw)} (the revision of ${enTwin.file} this text follows; see npm run i18n:status)`);
    }

    problems.push(...bodyChecks(f, here));
  }

  // Old paths (redirectFrom) must not shadow a live article, nor be claimed twice.
  const claimed = new Map<string, string>();
  for (const f of files) {
    f.data.redirectFrom.forEach((old, i) => {
      const line = fieldLine(f.raw, ['redirectFrom', i]);
      if (allKeys.has(old)) add(f.file, line, 'redirect', `redirectFrom[${i}]: "${old}" is a live article; an old path must no longer exist`);
      const other = claimed.get(`${f.locale}/${old}`);
      if (other && other !== f.file) add(f.file, line, 'redirect', `redirectFrom[${i}]: "${old}" is already redirected by ${other}`);
      claimed.set(`${f.locale}/${old}`, f.file);
    });
  }

  // Every fix is the answer to at least one reason.
  for (const f of files) {
    if (f.kind !== 'fix') continue;
    const used = [...byLocale.get(f.locale)!.values()].some((r) => r.data.kind === 'reason' && r.data.fixes.includes(f.id));
    if (!used) add(f.file, fieldLine(f.raw, ['kind']), 'orphan-fix', `no reason lists "${f.id}" in its fixes. Add it to the fixes of the reason it solves, or delete the fix.`);
  }
  return problems;
}

/** Rules read off the body's syntax tree: links, sources, glossary, scam warnings. */
function bodyChecks(f: ParsedFile, here: Map<string, ParsedFile>): Problem[] {
  const problems: Problem[] = [];
  const at = (line: number | undefined) => (line ?? 1) + f.bodyLine - 1;
  const add = (line: number, rule: string, message: string) => problems.push({ file: f.file, line, rule, message });
  let linksToSupport = false;

  const checkExternal = (href: string, line: number, what: string) => {
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      add(line, 'link', `${what} "${href}" is not a valid URL`);
      return;
    }
    if (url.protocol !== 'https:') {
      add(line, 'https-only', `${what} "${href}" must use https://`);
      return;
    }
    if (!isAllowedUrl(url)) {
      add(line, 'allowed-hosts', `${what} "${href}": ${url.hostname} is not on the allowlist of official hosts (src/model/trust.ts). Link the official page instead — never a mirror or look-alike.`);
    }
    const bad = [...url.searchParams.keys()].find((k) => referralParams.includes(k) || referralParams.includes(k.toLowerCase()));
    if (bad) add(line, 'no-referral', `${what} "${href}" carries a referral/tracking parameter "${bad}"; remove it`);
    if (forbiddenPathPatterns.some((re) => re.test(url.pathname + url.search))) {
      add(line, 'no-referral', `${what} "${href}" points to a referral/invite page or an app download outside the official stores; remove it`);
    }
  };

  f.data.sources.forEach((s, i) => checkExternal(s.url, fieldLine(f.raw, ['sources', i]), `sources[${i}]`));
  if (f.data.kind === 'reason') {
    f.data.messages.forEach((m, i) => m.source && checkExternal(m.source, fieldLine(f.raw, ['messages', i]), `messages[${i}].source`));
  }

  visit(f.tree, (node) => {
    if (node.type === 'link' || node.type === 'definition') {
      const href = (node as { url: string }).url;
      const line = at(node.position?.start.line);
      if (/^[a-z]+:/i.test(href)) {
        if (href.startsWith('mailto:') || href.startsWith('tel:')) add(line, 'link', `"${href}": do not link email addresses or phone numbers (scammers copy them); describe the official in-app route instead`);
        else checkExternal(href, line, 'link');
        return;
      }
      if (href.startsWith('#')) {
        if (!f.headingIds.some((h) => h.id === href.slice(1))) add(line, 'internal-link', `"${href}" is not a section id of this article ({#…} headings: ${f.headingIds.map((h) => h.id).join(', ') || 'none'})`);
        return;
      }
      const m = /^\.\.\/\.\.\/(reasons|fixes|guides)\/([a-z0-9-]+)\/(?:#([A-Za-z0-9_-]+))?$/.exec(href)
        ?? (f.key === 'index' ? /^\.\/(reasons|fixes|guides)\/([a-z0-9-]+)\/(?:#([A-Za-z0-9_-]+))?$/.exec(href) : null);
      if (!m) {
        add(line, 'internal-link', `"${href}": link to other articles as ../../<reasons|fixes|guides>/<id>/ (optionally #section), so the link stays in the page's language`);
        return;
      }
      const key = `${m[1]}/${m[2]}`;
      const target = here.get(key);
      if (!target) {
        add(line, 'internal-link', `"${href}": there is no article "${key}" in ${f.locale}`);
        return;
      }
      if (key === 'guides/contact-support') linksToSupport = true;
      if (m[3] && !target.headingIds.some((h) => h.id === m[3])) {
        add(line, 'internal-link', `"${href}": ${target.file} has no section {#${m[3]}}`);
      }
    }
    if (node.type === 'listItem' && typeof (node as { checked?: boolean | null }).checked === 'boolean') {
      add(at(node.position?.start.line), 'task-list', '"- [ ]" renders a checkbox without a label (screen readers announce an unlabelled control); write a plain list item');
    }
    if (node.type === 'delete' && (f.locale === 'zh' || f.locale === 'ja')) {
      add(at(node.position?.start.line), 'typography', 'text between two "~" renders as strikethrough; for ranges write 〜 (ja) or 至/～ (zh)');
    }
    if (node.type === 'text') {
      const value = (node as { value: string }).value;
      for (const term of glossary[f.locale]) {
        for (const wrong of term.avoid) {
          if (value.includes(wrong)) add(at(node.position?.start.line), 'glossary', `"${wrong}": write "${term.use}" (glossary: ${term.concept}, src/model/glossary.ts)`);
        }
      }
      if (f.locale === 'zh' || f.locale === 'ja') {
        if (/[\u3040-\u30ff\u3400-\u9fff][,.;:!?](\s|$)/.test(value)) {
          add(at(node.position?.start.line), 'typography', `"${value.slice(0, 40)}…": use full-width punctuation after Chinese/Japanese text (，。；：！？ / 、。)`);
        }
        if (/~/.test(value)) {
          add(at(node.position?.start.line), 'typography', `"~" in ${f.locale} text can render as strikethrough; write ${f.locale === 'ja' ? '「〜」' : '「至」 or 「～」'}`);
        }
      }
      if (/\b(E\d{3}|error code \d+)\b/i.test(value)) {
        add(at(node.position?.start.line), 'no-invented-codes', 'Binance is not known to show numeric rejection codes; do not quote one');
      }
    }
  });

  const needsWarning = (scamWarningRequired as readonly string[]).includes(f.key) || linksToSupport;
  if (needsWarning && !f.data.scamWarning) {
    add(fieldLine(f.raw, ['kind']), 'scam-warning', `this article ${linksToSupport ? 'sends the reader to support' : 'is read by people who are waiting, locked out or contacting support'}: set scamWarning: true`);
  }
  return problems;
}
