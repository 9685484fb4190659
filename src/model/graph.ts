/**
 * The cross-link model, computed once per build: which fixes each reason links to, which
 * reasons each fix solves (reverse links), and the triage rows. Pages ask `getGraph()`; the
 * first call reads the collection and every later call reuses the same promise.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { localeKeys, type Locale } from './locales.ts';
import { categories, kindDirs, type Category, type ReasonData } from './schema.ts';

type Entry = CollectionEntry<'docs'>;

export interface ArticleRef {
  key: string; // reasons/photo-quality
  id: string; // photo-quality
  kind: 'reason' | 'fix' | 'guide';
  title: string;
  description: string;
  href: string; // /zh/reasons/photo-quality/
}

export interface ReasonRow extends ArticleRef {
  symptom: string;
  category: Category;
  firstFix: ArticleRef;
}

export type Message = ReasonData['messages'][number];

export interface LocaleGraph {
  messagesOf: Map<string, Message[]>; // reason id → its messages in this locale
  articles: Map<string, ArticleRef>;
  fixesOf: Map<string, ArticleRef[]>; // reason id → fixes
  relatedOf: Map<string, ArticleRef[]>; // reason id → related reasons
  solves: Map<string, ArticleRef[]>; // fix id → reasons
  triage: { category: Category; rows: ReasonRow[] }[];
  guides: ArticleRef[];
}

/** `en/reasons/photo-quality` → { locale: 'en', key: 'reasons/photo-quality' } */
export function splitEntryId(entryId: string): { locale: Locale; key: string } {
  const [locale, ...rest] = entryId.split('/');
  return { locale: locale as Locale, key: rest.join('/') || 'index' };
}

export function hrefOf(locale: Locale, key: string): string {
  // index → /en/, reasons/index → /en/reasons/, search → /en/search/
  return key === 'index' ? `/${locale}/` : `/${locale}/${key.replace(/\/index$/, '')}/`;
}

function build(entries: Entry[]): Map<Locale, LocaleGraph> {
  const graphs = new Map<Locale, LocaleGraph>();
  for (const locale of localeKeys) {
    const mine = entries.filter((e) => splitEntryId(e.id).locale === locale);
    const articles = new Map<string, ArticleRef>();
    const reasons: { ref: ArticleRef; data: ReasonData }[] = [];
    for (const e of mine) {
      const d = e.data;
      if (d.kind === 'hub') continue;
      const { key } = splitEntryId(e.id);
      const ref: ArticleRef = { key, id: key.split('/')[1]!, kind: d.kind, title: d.title, description: d.description ?? '', href: hrefOf(locale, key) };
      articles.set(key, ref);
      if (d.kind === 'reason') reasons.push({ ref, data: d as ReasonData });
    }
    const get = (dir: string, id: string) => articles.get(`${dir}/${id}`)!;
    const messagesOf = new Map(reasons.map((r) => [r.ref.id, r.data.messages] as const));
    const fixesOf = new Map<string, ArticleRef[]>();
    const relatedOf = new Map<string, ArticleRef[]>();
    const solves = new Map<string, ArticleRef[]>();
    for (const { ref, data } of reasons) {
      const fixes = data.fixes.map((id) => get(kindDirs.fix, id));
      fixesOf.set(ref.id, fixes);
      relatedOf.set(ref.id, data.related.map((id) => get(kindDirs.reason, id)));
      for (const fix of fixes) solves.set(fix.id, [...(solves.get(fix.id) ?? []), ref]);
    }
    const triage = categories
      .map((category) => ({
        category,
        rows: reasons
          .filter((r) => r.data.category === category)
          .map((r) => ({ ...r.ref, symptom: r.data.symptom, category, firstFix: fixesOf.get(r.ref.id)![0]! }))
          .sort((a, b) => a.title.localeCompare(b.title, locale)),
      }))
      .filter((g) => g.rows.length > 0);
    const guides = [...articles.values()].filter((a) => a.kind === 'guide');
    graphs.set(locale, { messagesOf, articles, fixesOf, relatedOf, solves, triage, guides });
  }
  return graphs;
}

let cached: Promise<Map<Locale, LocaleGraph>> | undefined;

export function getGraph(locale: Locale): Promise<LocaleGraph> {
  cached ??= getCollection('docs').then(build);
  return cached.then((g) => g.get(locale)!);
}
