/**
 * /search-data/<locale>.json — what the search box needs besides Pagefind's index: each
 * article's title, kind, URL and short texts (messages, symptom, description) in this locale (to offer the reader's own language and
 * match titles), and for zh a Traditional → Simplified map of the characters the articles use.
 * The words of the articles (to split spaceless Korean and correct English typos) are a separate
 * file, /search-data/<locale>.words.json, loaded only when a query needs them. From content.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import * as OpenCC from 'opencc-js';
import { localeKeys, type Locale } from '../../model/locales';
import { getGraph, splitEntryId } from '../../model/graph';
import { koreanStem, type SearchData } from '../../search/query';

export const getStaticPaths: GetStaticPaths = () => localeKeys.map((locale) => ({ params: { locale } }));

const toTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toHk = OpenCC.Converter({ from: 'cn', to: 'hk' });

export const GET: APIRoute = async ({ params }) => {
  const locale = params.locale as Locale;
  const { data } = await searchData(locale);
  return new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json' } });
};

/** Everything but the word list (that one is /search-data/<locale>.words.json). Computed once per locale and build. */
const memo = new Map<Locale, Promise<{ data: SearchData; vocab: string[] }>>();
export function searchData(locale: Locale): Promise<{ data: SearchData; vocab: string[] }> {
  if (!import.meta.env.PROD) return computeSearchData(locale); // the dev server must see edits
  let p = memo.get(locale);
  if (!p) memo.set(locale, (p = computeSearchData(locale)));
  return p;
}

async function computeSearchData(locale: Locale): Promise<{ data: SearchData; vocab: string[] }> {
  const graph = await getGraph(locale);
  const entries = (await getCollection('docs')).filter((e) => splitEntryId(e.id).locale === locale);
  const byKey = new Map(entries.map((e) => [splitEntryId(e.id).key, e]));
  const text = entries.map((e) => `${e.data.title} ${e.data.description ?? ''} ${'symptom' in e.data ? e.data.symptom : ''} ${'messages' in e.data ? e.data.messages.map((m: { text: string }) => m.text).join(' ') : ''} ${e.body ?? ''}`).join('\n');

  const vocab = new Set<string>();
  for (const w of text.toLowerCase().match(/[a-z]{4,}/g) ?? []) vocab.add(w);
  if (locale === 'ko') for (const w of text.match(/[\uac00-\ud7a3]{2,}/g) ?? []) vocab.add(koreanStem(w));

  const data: SearchData = {
    locale,
    articles: Object.fromEntries(
      [...graph.articles.values()].map((a) => {
        const e = byKey.get(a.key)!;
        const d = e.data as { symptom?: string; messages?: { text: string }[] };
        // What a result can show as its excerpt: the on-screen messages first, then symptom and description.
        const texts = [...(d.messages ?? []).map((m) => m.text), d.symptom ?? '', a.description].filter(Boolean);
        return [a.key, { title: a.title, kind: a.kind, href: a.href, texts }];
      }),
    ),
  };
  if (locale === 'zh') {
    const t2s: Record<string, string> = {};
    for (const c of new Set(text.match(/[\u3400-\u9fff]/g) ?? [])) {
      for (const trad of [toTw(c), toHk(c)]) if (trad !== c && [...trad].length === 1) t2s[trad] = c;
    }
    data.t2s = t2s;
  }
  return { data, vocab: [...vocab].filter((w) => w.length >= 2).sort() };
}
