/**
 * The page being rendered — its entry, locale, language-neutral key and the UI strings — for the
 * components inside articles and for the Starlight overrides. Every Starlight route here is a
 * content entry (Starlight's own 404 route is disabled), so there is always one.
 */
import type { AstroGlobal } from 'astro';
import { splitEntryId } from '../model/graph';
import { ui } from '../model/ui';

/** `ctx` is `Astro` in a component, or the context of Starlight's route middleware. */
export function current(ctx: Pick<AstroGlobal, 'locals'>) {
  const route = ctx.locals.starlightRoute;
  const { locale, key } = splitEntryId(route.entry.id);
  return { entry: route.entry, data: route.entry.data, locale, key, id: key.split('/').pop()!, t: ui[locale] };
}
