/**
 * Trust rules data: the only hosts an article may link to or cite, and the on-screen strings
 * that may be shown as verbatim. Everything here comes from ../shared/sources/facts.md.
 */

/**
 * Hosts allowed in links and sources. A host matches itself and its subdomains
 * (www.binance.com, academy.binance.com). Nothing else: no mirrors, no look-alikes
 * (to-binance.com, binance.bh copies, *.eu.org), no SEO blogs.
 */
export const allowedHosts = [
  // Binance and its official subdomains (academy, support pages are on binance.com).
  'binance.com',
  // KYC vendors' own help and developer documentation cited in the fact sheet.
  'sumsub.com',
  'veriff.com',
  'jumio.com',
  'withpersona.com',
  'entrust.com',
  // Other exchanges' own help centres, cited for general industry practice.
  'kraken.com',
  'coinbase.com',
  'blockchain.com',
  'bingx.com',
  'htx.com',
  // Vendor documentation hosted on GitHub by the vendor itself (Jumio's implementation guides).
  'github.com/Jumio',
] as const;

/** Query parameters that mark a referral, affiliate or invite link. */
export const referralParams = ['ref', 'referral', 'referralcode', 'ref_code', 'refcode', 'invite', 'invitecode', 'inviteCode', 'aff', 'affiliate', 'utm_source', 'utm_medium', 'utm_campaign'];

/** Path fragments that mark referral/invite pages or app downloads from outside the stores. */
export const forbiddenPathPatterns = [/\.apk($|[?#])/i, /\/referral/i, /\/register\?ref/i, /\/activity\/referral/i, /\/invite/i];

/** True when `url` (https) is on the allowlist. */
export function isAllowedUrl(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return allowedHosts.some((entry) => {
    const [h, ...path] = entry.split('/');
    const hostOk = host === h || host.endsWith('.' + h);
    if (!hostOk) return false;
    if (path.length === 0) return true;
    return url.pathname.toLowerCase().startsWith('/' + path.join('/').toLowerCase() + '/');
  });
}

/**
 * Strings the fact sheet quotes as real on-screen (or email-subject) text. A message marked
 * `verbatim: true` must be one of these, in this exact wording; anything else is a paraphrase.
 */
export const verbatimStrings: readonly { text: string; lang: string; source: string }[] = [
  { text: 'Your withdrawal may be at risk. You can try again in 24 hours.', lang: 'en', source: 'https://www.binance.com/en/support/faq/how-to-resume-the-withdrawal-function-for-my-binance-account-360038583951' },
  { text: 'Your withdrawal may be at risk. You can try again in 48 hours.', lang: 'en', source: 'https://www.binance.com/en/support/faq/how-to-resume-the-withdrawal-function-for-my-binance-account-360038583951' },
  { text: '出金がリスクにさらされている可能性があります。24時間後に再度お試しください。', lang: 'ja', source: 'https://www.binance.com/ja/support/faq/detail/360038583951' },
  { text: '出金がリスクにさらされている可能性があります。48時間後に再度お試しください。', lang: 'ja', source: 'https://www.binance.com/ja/support/faq/detail/360038583951' },
  { text: 'Withdraw Only', lang: 'en', source: 'https://www.binance.com/id/support/faq/how-to-complete-identity-verification-for-a-personal-account-360027287111' },
  { text: '仅提现', lang: 'zh', source: 'https://www.binance.com/zh-CN/square/post/11358576006042' },
  { text: 'Verify Now', lang: 'en', source: 'https://www.binance.com/en/support/faq/how-to-resume-the-withdrawal-function-for-my-binance-account-360038583951' },
  { text: 'Withdraw appeal', lang: 'en', source: 'https://www.binance.com/en/support/faq/how-to-resume-the-withdrawal-function-for-my-binance-account-360038583951' },
  { text: 'Get Verified', lang: 'en', source: 'https://www.binance.com/id/support/faq/how-to-complete-identity-verification-for-a-personal-account-360027287111' },
  { text: 'Source Not Verified', lang: 'en', source: 'https://www.binance.com/en/support/faq/360002070252' },
];

/**
 * Articles that must carry the fake-support warning (`scamWarning: true`): the reader is
 * about to contact someone, is waiting, or is locked out — the moments scammers target.
 * Any article that links to the contact-support guide needs it too (checked by the gate).
 */
export const scamWarningRequired = [
  'guides/contact-support',
  'guides/kyc-scams',
  'reasons/too-many-attempts',
  'reasons/stuck-under-review',
  'reasons/identity-already-used',
  'reasons/withdraw-only-mode',
] as const;
