// Picks the reader's language from the browser: on / it opens /<lang>/ (keeping the #section);
// on the 404 page it shows that language's block first and hides the others.
(function () {
  var supported = ['en', 'zh', 'ja', 'ko'];
  var prefs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
  var pick = 'en';
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
    var langs = { en: 'en', zh: 'zh-CN', ja: 'ja', ko: 'ko' };
    document.documentElement.lang = langs[pick];
  });
})();
