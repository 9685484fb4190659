/**
 * Content-Security-Policy for every built page: scripts only from the site or by the hash of
 * each inline script Starlight/Astro emit, no plugins, no foreign origins. Injected as a <meta>
 * into each HTML file after the build, and written to dist/_headers (with frame-ancestors,
 * which only a header can carry) for static hosts that read that file.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function policy(scriptHashes: string[], forHeader: boolean): string {
  const hashes = [...new Set(scriptHashes)].sort().map((h) => `'sha256-${h}'`);
  return [
    "default-src 'self'",
    // No 'unsafe-inline', no WebAssembly, no workers: search reads the index in plain script.
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    "worker-src 'none'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    ...(forHeader ? ["frame-ancestors 'none'"] : []),
  ].join('; ');
}

/** sha256 (base64) of every inline <script> in an HTML document. */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    if (/\bsrc\s*=/.test(attrs) || /type\s*=\s*"?application\/(ld\+)?json/.test(attrs)) continue;
    out.push(createHash('sha256').update(m[2] ?? '', 'utf8').digest('base64'));
  }
  return out;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? htmlFiles(p) : n.endsWith('.html') ? [p] : [];
  });
}

export default function csp(): AstroIntegration {
  return {
    name: 'kyc-csp',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const all: string[] = [];
        let pages = 0;
        for (const file of htmlFiles(root)) {
          const html = readFileSync(file, 'utf8');
          const hashes = inlineScriptHashes(html);
          all.push(...hashes);
          const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(hashes, false)}">`;
          const withMeta = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '').replace(/(<meta charset="?utf-8"?\s*\/?>)/i, `$1${meta}`);
          if (withMeta === html) throw new Error(`CSP: no <meta charset> in ${file}; cannot place the policy`);
          writeFileSync(file, withMeta);
          pages++;
        }
        const headers = [
          '/*',
          `  Content-Security-Policy: ${policy(all, true)}`,
          '  X-Content-Type-Options: nosniff',
          '  Referrer-Policy: strict-origin-when-cross-origin',
          '  Permissions-Policy: camera=(), microphone=(), geolocation=()',
          '',
        ].join('\n');
        writeFileSync(join(root, '_headers'), headers);
        logger.info(`CSP added to ${pages} pages; ${new Set(all).size} inline script hashes; wrote _headers`);
      },
    },
  };
}
