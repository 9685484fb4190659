/** The article being rendered, its locale and the UI strings, for components used inside articles. */
import type { AstroGlobal } from 'astro';
import { splitEntryId } from '../model/graph';
import { ui } from '../model/ui';

export function current(Astro: AstroGlobal) {
  const route = Astro.locals.starlightRoute;
  const { locale, key } = splitEntryId(route.entry.id);
  return { entry: route.entry, data: route.entry.data, locale, key, id: key.split('/').pop()!, t: ui[locale] };
}
