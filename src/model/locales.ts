/**
 * The site's languages, defined once. Imported by astro.config.mjs, the content gate,
 * the scripts and the tests: add a language here and everything else follows.
 */
export const locales = {
  en: { label: 'English', lang: 'en', ogLocale: 'en_US', siteTitle: 'KYC Help' },
  zh: { label: '简体中文', lang: 'zh-CN', ogLocale: 'zh_CN', siteTitle: 'KYC 帮助' },
  ja: { label: '日本語', lang: 'ja', ogLocale: 'ja_JP', siteTitle: 'KYC ヘルプ' },
  ko: { label: '한국어', lang: 'ko', ogLocale: 'ko_KR', siteTitle: 'KYC 도움말' },
} as const;

export type Locale = keyof typeof locales;

export const defaultLocale: Locale = 'en';

/** Every locale key, default first. */
export const localeKeys = Object.keys(locales) as Locale[];

export function isLocale(value: string): value is Locale {
  return Object.hasOwn(locales, value);
}
