/**
 * The content gate: a valid fixture passes, and each planted mistake is reported with the file,
 * the line, the rule and a message that says what to do. The real content/ passes too.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { checkContent, formatProblem, type Problem } from '../src/model/gate.ts';
import { makeFixture, type Fixture } from './helpers/fixture.ts';

let fx: Fixture | undefined;
afterEach(() => fx?.cleanup());

function run(plant: (f: Fixture) => void): Problem[] {
  fx = makeFixture();
  plant(fx);
  return checkContent(fx.content, fx.root).problems;
}

/** Exactly one problem of `rule` in `file`; returns it. */
function only(problems: Problem[], rule: string, file: string): Problem {
  const hits = problems.filter((p) => p.rule === rule && p.file === file);
  expect(hits, problems.map(formatProblem).join('\n')).toHaveLength(1);
  return hits[0]!;
}

describe('content gate: structure', () => {
  it('accepts the valid fixture', () => {
    expect(run(() => {}).map(formatProblem)).toEqual([]);
  });

  it('accepts the real content of the site', () => {
    const root = fileURLToPath(new URL('../', import.meta.url));
    const { problems, files } = checkContent(fileURLToPath(new URL('../content/', import.meta.url)), root);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(files.length).toBeGreaterThan(0);
  });

  it('names an unknown fix id with its file, line and field', () => {
    const p = only(run((f) => f.edit('zh/reasons/blurry.mdx', '  - retake', '  - retake-photo')), 'unknown-id', 'content/zh/reasons/blurry.mdx');
    expect(p.message).toContain('fixes[0]: "retake-photo" is not an article in zh');
    expect(p.line).toBe(11);
    expect(formatProblem(p)).toMatch(/^content\/zh\/reasons\/blurry\.mdx:11 {2}\[unknown-id\]/);
  });

  it('rejects a fixes entry that is not a fix', () => {
    const p = only(run((f) => f.edit('en/reasons/blurry.mdx', '  - retake', '  - retake\n  - contact-support')), 'not-a-fix', 'content/en/reasons/blurry.mdx');
    expect(p.message).toContain('"contact-support" is a guide, not a fix');
  });

  it('rejects a reason with no fix', () => {
    const p = only(run((f) => f.edit('en/reasons/blurry.mdx', 'fixes: \n  - retake', 'fixes: []')), 'schema', 'content/en/reasons/blurry.mdx');
    expect(p.message).toBe('fixes: a reason needs at least one fix id');
  });

  it('rejects an unknown related reason', () => {
    const p = only(run((f) => f.edit('ja/reasons/blurry.mdx', 'kind: reason', 'kind: reason\nrelated: [nope]')), 'unknown-id', 'content/ja/reasons/blurry.mdx');
    expect(p.message).toContain('related[0]: "nope" is not a reason in ja');
  });

  it('rejects a fix that no reason points to', () => {
    const problems = run((f) => {
      for (const l of ['en', 'zh', 'ja', 'ko']) f.write(`${l}/fixes/orphan.mdx`, `---\ntitle: O\ndescription: O.\nkind: fix\nreviewed: 2026-11-25\n${l === 'en' ? '' : 'translatedFrom: "0123456789"\n'}sources:\n  - title: B\n    url: https://www.binance.com/en\n---\n`);
    });
    expect(only(problems, 'orphan-fix', 'content/ko/fixes/orphan.mdx').message).toContain('no reason lists "orphan"');
  });

  it('rejects an article missing in one locale', () => {
    const p = only(run((f) => f.remove('ko/fixes/retake.mdx')), 'missing-translation', 'content/ko/fixes/retake.mdx');
    expect(p.message).toContain('content/en/fixes/retake.mdx exists but this locale has no "fixes/retake"');
  });

  it('rejects a locale folder that is not configured', () => {
    const problems = run((f) => f.write('fr/reasons/blurry.mdx', '---\ntitle: x\n---\n'));
    expect(only(problems, 'unknown-locale', 'content/fr').message).toContain('"fr" is not a configured locale (en, zh, ja, ko)');
  });

  it('rejects a reason whose fixes differ between locales', () => {
    const problems = run((f) => {
      for (const l of ['en', 'zh', 'ja', 'ko']) f.write(`${l}/fixes/other.mdx`, `---\ntitle: O\ndescription: O.\nkind: fix\nreviewed: 2026-11-25\n${l === 'en' ? '' : 'translatedFrom: "0123456789"\n'}sources:\n  - title: B\n    url: https://www.binance.com/en\n---\n`);
      for (const l of ['en', 'ja', 'ko']) f.edit(`${l}/reasons/blurry.mdx`, '  - retake', '  - retake\n  - other');
      f.edit('zh/reasons/blurry.mdx', '  - retake', '  - other\n  - retake');
    });
    expect(only(problems, 'fixes-differ', 'content/zh/reasons/blurry.mdx').message).toContain('fixes is [other, retake] here but [retake, other] in content/en/reasons/blurry.mdx');
  });

  it('rejects explicit heading ids that differ between locales', () => {
    const p = only(run((f) => f.edit('ja/reasons/blurry.mdx', '{#why}', '{#reason}')), 'heading-ids-differ', 'content/ja/reasons/blurry.mdx');
    expect(p.message).toContain('heading ids are [what-you-see, reason, fix] here but [what-you-see, why, fix]');
  });

  it('rejects frontmatter that breaks the schema, naming the field and line', () => {
    const problems = run((f) => {
      f.edit('en/fixes/retake.mdx', 'kind: fix', 'kind: fixx');
      f.edit('zh/fixes/retake.mdx', 'reviewed: 2026-11-25', 'reviewed: yesterday');
      f.edit('ja/reasons/blurry.mdx', 'category: document', 'category: documents');
      f.edit('ko/reasons/blurry.mdx', 'title: Blurry photo\n', '');
    });
    expect(only(problems, 'schema', 'content/en/fixes/retake.mdx').message).toMatch(/^kind: /);
    expect(only(problems, 'schema', 'content/zh/fixes/retake.mdx').message).toMatch(/^reviewed: /);
    const cat = only(problems, 'schema', 'content/ja/reasons/blurry.mdx');
    expect(cat.message).toMatch(/^category: .*document/);
    expect(cat.line).toBe(5);
    expect(only(problems, 'schema', 'content/ko/reasons/blurry.mdx').message).toMatch(/^title: /);
  });

  it('reports unparseable YAML and misplaced files', () => {
    const problems = run((f) => {
      f.edit('en/guides/contact-support.mdx', 'title: Support', 'title: [Support');
      f.write('en/misc/stray.mdx', '---\ntitle: x\n---\n');
    });
    expect(only(problems, 'frontmatter', 'content/en/guides/contact-support.mdx').message).toContain('does not parse');
    expect(only(problems, 'file-location', 'content/en/misc/stray.mdx').message).toContain('content/<locale>/{reasons,fixes,guides}/<id>.mdx');
  });

  it('rejects a kind that does not match its folder', () => {
    const p = only(run((f) => f.edit('en/guides/contact-support.mdx', 'kind: guide', 'kind: fix')), 'kind-location', 'content/en/guides/contact-support.mdx');
    expect(p.message).toContain('kind is "fix" but the file is in the folder for "guide"');
  });

  it('lists every problem at once', () => {
    const problems = run((f) => {
      f.remove('ko/fixes/retake.mdx');
      f.edit('ja/reasons/blurry.mdx', '{#why}', '{#reason}');
      f.edit('zh/reasons/blurry.mdx', '  - retake', '  - nope');
    });
    const rules = [...new Set(problems.map((p) => p.rule))];
    expect(rules).toEqual(expect.arrayContaining(['missing-translation', 'heading-ids-differ', 'unknown-id', 'orphan-fix']));
    expect(new Set(problems.map((p) => p.file)).size).toBeGreaterThanOrEqual(3);
  });
});

describe('content gate: trust rules', () => {
  const body = (f: Fixture, text: string, path = 'en/fixes/retake.mdx') => f.edit(path, '1. Retake the photo.', `1. Retake the photo.\n\n${text}`);

  it('allows links to official hosts only', () => {
    const problems = run((f) => body(f, 'See [this](https://www.to-binance.com/en/kyc) and [that](https://binance.com.evil.io/x).'));
    const hits = problems.filter((p) => p.rule === 'allowed-hosts');
    expect(hits.map((p) => p.message.split(':')[0])).toEqual(['link "https', 'link "https']);
    expect(hits[0]!.message).toContain('www.to-binance.com is not on the allowlist');
    expect(hits[0]!.line).toBe(15); // the line of the link in the file, frontmatter included
  });

  it('requires https', () => {
    const p = only(run((f) => body(f, 'See [x](http://www.binance.com/en/support).')), 'https-only', 'content/en/fixes/retake.mdx');
    expect(p.message).toContain('must use https://');
  });

  it('rejects referral parameters and APK downloads', () => {
    const problems = run((f) => body(f, '[a](https://accounts.binance.com/register?ref=ABC123) [b](https://www.binance.com/download/binance.apk)'));
    const hits = problems.filter((p) => p.rule === 'no-referral');
    expect(hits.length).toBe(3); // the ref parameter, the /register?ref path, and the .apk
    expect(hits.some((p) => p.message.includes('referral/tracking parameter "ref"'))).toBe(true);
    expect(hits.some((p) => p.message.includes('app download outside the official stores'))).toBe(true);
  });

  it('checks source URLs against the allowlist too', () => {
    const p = only(run((f) => f.edit('en/fixes/retake.mdx', 'https://www.binance.com/en/support/faq/360027287111', 'https://tk-binance.com/en/news/kyc')), 'allowed-hosts', 'content/en/fixes/retake.mdx');
    expect(p.message).toContain('sources[0]');
  });

  it('requires at least one source', () => {
    const p = only(run((f) => f.edit('ko/guides/contact-support.mdx', /sources: \n[\s\S]*?360027287111/, 'sources: []')), 'schema', 'content/ko/guides/contact-support.mdx');
    expect(p.message).toBe('sources: list at least one source');
  });

  it('requires the three reason sections', () => {
    const p = only(run((f) => f.edit('zh/reasons/blurry.mdx', '## Why {#why}', '## Why')), 'reason-sections', 'content/zh/reasons/blurry.mdx');
    expect(p.message).toContain('a reason needs a heading with {#why}');
  });

  it('checks internal links and their #sections', () => {
    const problems = run((f) => body(f, '[a](../../reasons/nope/) [b](../../reasons/blurry/#nope) [c](/en/reasons/blurry/)'));
    const hits = problems.filter((p) => p.rule === 'internal-link').map((p) => p.message);
    expect(hits).toHaveLength(3);
    expect(hits[0]).toContain('no article "reasons/nope" in en');
    expect(hits[1]).toContain('has no section {#nope}');
    expect(hits[2]).toContain("so the link stays in the page's language");
  });

  it('flags glossary variants and CJK typography', () => {
    const problems = run((f) => {
      f.edit('zh/fixes/retake.mdx', '1. Retake the photo.', '1. 请重新完成身份验证, 然后等待24小时~3天。');
      f.edit('ja/fixes/retake.mdx', '1. Retake the photo.', '1. 身元確認をやり直してください。');
    });
    expect(only(problems, 'glossary', 'content/zh/fixes/retake.mdx').message).toContain('"身份验证": write "身份认证"');
    expect(only(problems, 'glossary', 'content/ja/fixes/retake.mdx').message).toContain('"身元確認": write "本人確認"');
    const typo = problems.filter((p) => p.rule === 'typography' && p.file === 'content/zh/fixes/retake.mdx');
    expect(typo.map((p) => p.message).join('\n')).toMatch(/full-width punctuation[\s\S]*"~"/);
  });

  it('accepts verbatim only for documented on-screen strings', () => {
    const p = only(run((f) => f.edit('en/reasons/blurry.mdx', '    lang: en', '    lang: en\n    verbatim: true\n    source: https://www.binance.com/en/support')), 'verbatim', 'content/en/reasons/blurry.mdx');
    expect(p.message).toContain('"Photo unreadable" is not a documented on-screen string');
  });

  it('requires the fake-support warning where readers contact support', () => {
    const problems = run((f) => {
      body(f, 'Still stuck? [Contact support](../../guides/contact-support/).');
      f.edit('en/guides/contact-support.mdx', 'scamWarning: true\n', '');
    });
    expect(only(problems, 'scam-warning', 'content/en/fixes/retake.mdx').message).toContain('sends the reader to support: set scamWarning: true');
    expect(only(problems, 'scam-warning', 'content/en/guides/contact-support.mdx').message).toContain('waiting, locked out or contacting support');
  });

  it('rejects task lists, whose checkboxes have no accessible label', () => {
    const p = only(run((f) => body(f, '- [ ] Check the photo')), 'task-list', 'content/en/fixes/retake.mdx');
    expect(p.message).toContain('checkbox without a label');
  });

  it('rejects invented error codes', () => {
    const p = only(run((f) => body(f, 'If you see E005, your name does not match.')), 'no-invented-codes', 'content/en/fixes/retake.mdx');
    expect(p.message).toContain('numeric rejection codes');
  });
});

describe('content gate: renamed articles', () => {
  it('rejects an old path that is still a live article or is claimed twice', () => {
    const problems = run((f) => {
      f.edit('en/fixes/retake.mdx', 'kind: fix', 'kind: fix\nredirectFrom: [reasons/blurry, fixes/old-retake]');
      f.edit('en/guides/contact-support.mdx', 'kind: guide', 'kind: guide\nredirectFrom: [fixes/old-retake]');
    });
    const hits = problems.filter((p) => p.rule === 'redirect').map((p) => `${p.file}: ${p.message}`);
    expect(hits).toEqual([
      'content/en/fixes/retake.mdx: redirectFrom[0]: "reasons/blurry" is a live article; an old path must no longer exist',
      'content/en/guides/contact-support.mdx: redirectFrom[0]: "fixes/old-retake" is already redirected by content/en/fixes/retake.mdx',
    ]);
  });
});
