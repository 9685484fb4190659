// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { satteri } from '@astrojs/markdown-satteri';
import { locales, defaultLocale } from './src/model/locales.ts';
import { siteUrl } from './src/model/site.ts';
import csp from './src/integrations/csp.ts';
import sitemapAlternates from './src/integrations/sitemap-alternates.ts';
import searchPages from './src/integrations/search-pages.ts';

export default defineConfig({
  site: siteUrl,
  trailingSlash: 'always',
  // Sätteri (Astro's default renderer) with `## Heading {#id}` support: the same section ids in every language.
  markdown: { processor: satteri({ features: { headingAttributes: true } }) },
  integrations: [
    csp(),
    starlight({
      title: Object.fromEntries(Object.values(locales).map((l) => [l.lang, l.siteTitle])),
      defaultLocale,
      locales: Object.fromEntries(Object.entries(locales).map(([key, l]) => [key, { label: l.label, lang: l.lang }])),
      // Navigation by section, never a list of every article (keeps page size flat as articles grow).
      sidebar: [
        { slug: 'index', label: 'Help home', translations: { 'zh-CN': '帮助首页', ja: 'ヘルプのトップ', ko: '도움말 홈' } },
        { slug: 'reasons', label: 'Which one is my problem?', translations: { 'zh-CN': '我遇到的是哪种问题？', ja: 'どの問題に当てはまる？', ko: '내 문제는 어떤 경우인가요?' } },
        { label: 'Guides', translations: { 'zh-CN': '指南', ja: 'ガイド', ko: '가이드' }, items: [{ autogenerate: { directory: 'guides' } }] },
      ],
      components: {
        MarkdownContent: './src/overrides/MarkdownContent.astro',
        Search: './src/overrides/Search.astro',
        PageTitle: './src/overrides/PageTitle.astro',
        Footer: './src/overrides/Footer.astro',
      },
      customCss: ['./src/styles/site.css'],
      routeMiddleware: './src/route-data.ts',
      // Our own 404 (src/pages/404.astro): every language, noindex, search and the triage page.
      disable404Route: true,
      lastUpdated: false,
      pagination: false,
    }),
    // After Starlight's sitemap is written (integrations run their build:done hooks in order).
    sitemapAlternates(siteUrl),
    // After Starlight, which runs Pagefind in its build:done hook.
    searchPages(),
  ],
  vite: {
    // content/ is reached through the src/content/docs symlink; keep its real path so Starlight's
    // per-locale Markdown features (asides, heading-link labels) still recognise the files.
    resolve: { preserveSymlinks: true },
  },
});
