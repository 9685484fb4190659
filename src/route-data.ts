/**
 * Starlight route middleware: what link previews need beyond Starlight's own tags — a share
 * image per article and language, Open Graph locales in their og format (zh_CN) with the other
 * languages as alternates, and absolute image URLs from the one site setting (SITE_URL).
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { current } from './components/current';
import { localeKeys, locales } from './model/locales';
import { siteUrl } from './model/site';

export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  const { locale } = current(context);
  const head = route.head.filter((h) => !(h.tag === 'meta' && h.attrs?.property === 'og:locale'));
  // The triage page shares the landing page's image; every other page has its own.
  const data = route.entry.data as { kind?: string; hub?: string };
  const imageId = data.kind === 'hub' && data.hub === 'triage' ? locale : route.entry.id;
  const image = `${siteUrl}/og/${imageId}.png`;
  head.push(
    { tag: 'meta', attrs: { property: 'og:locale', content: locales[locale].ogLocale }, content: '' },
    ...localeKeys.filter((l) => l !== locale).map((l) => ({ tag: 'meta' as const, attrs: { property: 'og:locale:alternate', content: locales[l].ogLocale }, content: '' })),
    { tag: 'meta', attrs: { property: 'og:image', content: image }, content: '' },
    { tag: 'meta', attrs: { property: 'og:image:width', content: '1200' }, content: '' },
    { tag: 'meta', attrs: { property: 'og:image:height', content: '630' }, content: '' },
    { tag: 'meta', attrs: { property: 'og:image:alt', content: route.entry.data.title }, content: '' },
    { tag: 'meta', attrs: { name: 'twitter:image', content: image }, content: '' },
    { tag: 'meta', attrs: { name: 'twitter:title', content: route.entry.data.title }, content: '' },
  );
  if (route.entry.data.description) head.push({ tag: 'meta', attrs: { name: 'twitter:description', content: route.entry.data.description }, content: '' });
  route.head = head;
});
