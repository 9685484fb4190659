/**
 * One index reader per language, opened on first use (src/search/index-reader.ts reads the files
 * Pagefind wrote to /pagefind/). Used by the browser and by the Node tests, which differ only in
 * how a file is loaded and how the English stemmer is obtained (the browser loads it on demand).
 */
import { locales, type Locale } from '../model/locales.ts';
import { ranking } from './engine.ts';
import { indexLang, openIndex, type BundleLoader, type LanguageIndex, type Stemmer } from './index-reader.ts';

export type IndexFactory = (locale: Locale) => Promise<LanguageIndex>;

/** `stemmerFor`: the stemmer Pagefind indexed the language with (English only; CJK has none). */
export function indexFactory(load: BundleLoader, stemmerFor: (locale: Locale) => Promise<Stemmer | undefined>): IndexFactory {
  const open = new Map<Locale, Promise<LanguageIndex>>();
  // Every language's index starts from the same entry file: fetch it once.
  let entry: Promise<Uint8Array> | undefined;
  const shared: BundleLoader = (path) => (path === 'pagefind-entry.json' ? (entry ??= load(path).catch((e: unknown) => ((entry = undefined), Promise.reject(e)))) : load(path));
  return (locale) => {
    let p = open.get(locale);
    if (!p) {
      p = stemmerFor(locale).then((stem) => openIndex(shared, indexLang(locales[locale].lang), ranking, stem));
      open.set(locale, p);
    }
    return p;
  };
}
