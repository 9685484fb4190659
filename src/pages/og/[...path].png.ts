/**
 * /og/<entry id>.png — the Open Graph share card of every page of the `docs` collection (articles,
 * landings, search pages) except the triage hubs (/<locale>/reasons/): /og/en/reasons/photo-quality.png,
 * /og/zh.png for the zh landing. Rendered at build time by src/og/render.ts, reused from
 * node_modules/.cache/kyc-og when the card's inputs did not change (src/og/cache.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { splitEntryId } from '../../model/graph';
import type { Kind } from '../../model/schema';
import type { Locale } from '../../model/locales';
import { cachedOgImage } from '../../og/cache';
import { siteNames } from '../../og/render';

type Props = {
  title: string;
  kind: Kind;
  locale: Locale;
};

export const getStaticPaths: GetStaticPaths = async () => {
  const entries = await getCollection('docs');
  return entries
    .filter((e) => !(e.data.kind === 'hub' && 'hub' in e.data && e.data.hub === 'triage'))
    .map((e) => {
      const { locale } = splitEntryId(e.id);
      const props: Props = { title: e.data.title, kind: e.data.kind, locale };
      return { params: { path: e.id }, props };
    });
};

export const GET: APIRoute<Props> = async ({ props }) => {
  const { title, kind, locale } = props;
  const png = await cachedOgImage({ title, kind, locale, siteName: siteNames[locale] });
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
