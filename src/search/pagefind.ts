/**
 * One Pagefind instance per language, created on first use. Pagefind picks an instance's
 * language from <html lang> when it is created, so we set that attribute for the moment of
 * creation (`withLang`), then restore it. Used by the browser (real document) and Node (stub).
 */
import { locales, type Locale } from '../model/locales.ts';
import { ranking, type PagefindFactory, type PagefindInstance } from './engine.ts';

interface PagefindModule {
  createInstance(options: Record<string, unknown>): PagefindInstance & { options(o: Record<string, unknown>): Promise<void>; init(): Promise<void> };
}

export function pagefindFactory(load: () => Promise<PagefindModule>, withLang: <T>(lang: string, create: () => T) => T, basePath = '/pagefind/'): PagefindFactory {
  const instances = new Map<Locale, Promise<PagefindInstance>>();
  return (locale) => {
    let p = instances.get(locale);
    if (!p) {
      p = load().then(async (mod) => {
        const inst = withLang(locales[locale].lang.toLowerCase(), () => mod.createInstance({ basePath, excerptLength: 24, ranking }));
        await inst.init();
        return inst;
      });
      instances.set(locale, p);
    }
    return p;
  };
}
