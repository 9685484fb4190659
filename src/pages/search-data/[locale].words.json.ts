/** /search-data/<locale>.words.json — the words of this locale's articles, for splitting and correcting queries (loaded only when needed). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { localeKeys, type Locale } from '../../model/locales';
import { searchData } from './[locale].json';

export const getStaticPaths: GetStaticPaths = () => localeKeys.map((locale) => ({ params: { locale } }));

export const GET: APIRoute = async ({ params }) => {
  const { vocab } = await searchData(params.locale as Locale);
  return new Response(JSON.stringify({ vocab }), { headers: { 'content-type': 'application/json' } });
};
