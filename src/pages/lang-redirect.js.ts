/**
 * /lang-redirect.js — picks the reader's language from the browser: on / it opens /<lang>/
 * (keeping the #section); on the 404 page it shows that language's block and hides the others.
 * Generated from src/model/locales.ts, so a new language needs no change here.
 */
import type { APIRoute } from 'astro';
import { defaultLocale, locales, localeKeys } from '../model/locales';

const langs = Object.fromEntries(localeKeys.map((l) => [l, locales[l].lang]));

const script = `(function () {
  var supported = ${JSON.stringify(localeKeys)};
  var langs = ${JSON.stringify(langs)};
  var prefs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
  var pick = ${JSON.stringify(defaultLocale)};
  for (var i = 0; i < prefs.length; i++) {
    var base = String(prefs[i]).toLowerCase().split('-')[0];
    if (supported.indexOf(base) !== -1) { pick = base; break; }
  }
  if (location.pathname === '/' || location.pathname === '/index.html') {
    location.replace('/' + pick + '/' + location.hash);
    return;
  }
  document.addEventListener('DOMContentLoaded', function () {
    if (!document.body || !document.body.hasAttribute('data-kb-404')) return;
    var blocks = document.querySelectorAll('[data-kb-lang]');
    for (var j = 0; j < blocks.length; j++) {
      if (blocks[j].getAttribute('data-kb-lang') !== pick) blocks[j].hidden = true;
    }
    document.documentElement.lang = langs[pick];
  });
})();
`;

export const GET: APIRoute = () => new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
