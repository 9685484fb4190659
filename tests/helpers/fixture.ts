/** Builds a small, valid content tree in a temp folder; tests then plant one mistake each. */
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { localeKeys } from '../../src/model/locales.ts';

const src = (s: string) => 'https://www.binance.com/en/support/faq/' + s;

export function frontmatter(fields: Record<string, string>): string {
  return '---\n' + Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n') + '\n---\n';
}

const common = (locale: string) => ({
  reviewed: '2026-11-25',
  sources: `\n  - title: Binance FAQ\n    url: ${src('360027287111')}`,
  ...(locale === 'en' ? {} : { translatedFrom: '"0123456789"' }),
});

export function baseFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const l of localeKeys) {
    files[`${l}/index.mdx`] = frontmatter({ title: 'Home', description: 'Home page.', kind: 'hub', hub: 'landing', ...common(l) }) + '\nWelcome.\n';
    files[`${l}/reasons/index.mdx`] = frontmatter({ title: 'Triage', description: 'Triage page.', kind: 'hub', hub: 'triage', ...common(l) }) + '\nPick one.\n';
    files[`${l}/reasons/blurry.mdx`] =
      frontmatter({
        title: 'Blurry photo',
        description: 'The photo was blurry.',
        kind: 'reason',
        category: 'document',
        symptom: 'Rejected photo.',
        messages: `\n  - text: Photo unreadable\n    lang: ${l}`,
        fixes: '\n  - retake',
        ...common(l),
      }) +
      "\nimport { Messages, FixList } from '~/components/article';\n\n## What you see {#what-you-see}\n\n<Messages />\n\n## Why {#why}\n\nBecause.\n\n## Fix {#fix}\n\n<FixList />\n";
    files[`${l}/fixes/retake.mdx`] = frontmatter({ title: 'Retake', description: 'Retake it.', kind: 'fix', ...common(l) }) + '\n## Steps {#steps}\n\n1. Retake the photo.\n2. See [the reason](../../reasons/blurry/#why).\n';
    files[`${l}/guides/contact-support.mdx`] = frontmatter({ title: 'Support', description: 'Contact support.', kind: 'guide', scamWarning: 'true', ...common(l) }) + '\n## Steps {#steps}\n\n1. Open the app.\n';
  }
  return files;
}

export interface Fixture {
  root: string;
  content: string;
  write(path: string, text: string): void;
  edit(path: string, from: string | RegExp, to: string): void;
  remove(path: string): void;
  cleanup(): void;
}

export function makeFixture(files = baseFiles()): Fixture {
  const root = mkdtempSync(join(tmpdir(), 'kb-fixture-'));
  const content = join(root, 'content');
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(content, path)), { recursive: true });
    writeFileSync(join(content, path), text);
  };
  for (const [p, t] of Object.entries(files)) write(p, t);
  return {
    root,
    content,
    write,
    edit(path, from, to) {
      const before = readFileSync(join(content, path), 'utf8');
      const after = before.replace(from, to);
      if (after === before) throw new Error(`fixture edit did not change ${path}: ${String(from)}`);
      writeFileSync(join(content, path), after);
    },
    remove: (path) => rmSync(join(content, path)),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
