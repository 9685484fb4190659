/**
 * The revision of an English article: a short hash of its file. Translations record the
 * revision they follow in `translatedFrom`; `npm run i18n:status` compares the two.
 */
import { createHash } from 'node:crypto';

export function revisionOf(raw: string): string {
  return createHash('sha256').update(raw.replace(/\r\n/g, '\n')).digest('hex').slice(0, 10);
}

export type TranslationState = 'up-to-date' | 'stale' | 'missing';

export interface StatusRow {
  key: string;
  revision: string;
  states: Record<string, TranslationState>;
}

/**
 * For every English article, the state of each translation: up to date when its `translatedFrom`
 * equals the English file's current revision, stale when it follows an older one, missing when
 * the file does not exist.
 */
export function translationStatus(
  english: { key: string; raw: string }[],
  translations: { locale: string; key: string; translatedFrom?: string }[],
  otherLocales: readonly string[],
): StatusRow[] {
  return english
    .map(({ key, raw }) => {
      const revision = revisionOf(raw);
      const states: Record<string, TranslationState> = {};
      for (const l of otherLocales) {
        const t = translations.find((x) => x.locale === l && x.key === key);
        states[l] = !t ? 'missing' : t.translatedFrom === revision ? 'up-to-date' : 'stale';
      }
      return { key, revision, states };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}
