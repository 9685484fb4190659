/** The site's public base URL: set SITE_URL when deploying (canonical links, sitemap, og:url). */
export const siteUrl: string = (process.env.SITE_URL ?? 'https://kyc-help.example').replace(/\/+$/, '');
