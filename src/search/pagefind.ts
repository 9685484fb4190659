/**
 * One Pagefind instance per language, created on first use. Pagefind picks an instance's
 * language from <html lang> when it is created, so we set that attribute for the moment of
 * creation (`withLang`), then restore it. Used by the browser (real document) and Node (stub).
 * Each language gets its own copy of pagefind.js (`load(locale)` imports it under a distinct URL):
 * the module keeps one WebAssembly instance, and English (stemming) and the CJK languages use
 * different ones, so sharing a module corrupts the other language's memory.
 * `noWorker`: Pagefind's shared web worker serves every instance from one WebAssembly module and
 * fails ("unreachable") when a second language is added; the indexes are small, so we search on
 * the main thread.
 */
import { locales, type Locale } from '../model/locales.ts';
import { ranking, type PagefindFactory, type PagefindInstance } from './engine.ts';

interface PagefindModule {
  createInstance(options: Record<string, unknown>): PagefindInstance & { options(o: Record<string, unknown>): Promise<void>; init(): Promise<void> };
}

export function pagefindFactory(load: (locale: Locale) => Promise<PagefindModule>, withLang: <T>(lang: string, create: () => T) => T, basePath = '/pagefind/'): PagefindFactory {
  const instances = new Map<Locale, Promise<PagefindInstance>>();
  return (locale) => {
    let p = instances.get(locale);
    if (!p) {
      p = load(locale).then(async (mod) => {
        const inst = withLang(locales[locale].lang.toLowerCase(), () => mod.createInstance({ basePath, excerptLength: 24, ranking, noWorker: true }));
        await inst.init();
        return inst;
      });
      instances.set(locale, p);
    }
    return p;
  };
}
