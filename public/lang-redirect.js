// Sends the reader from / (or a 404) to the site in their preferred language; keeps the #section.
(function () {
  var supported = ['en', 'zh', 'ja', 'ko'];
  var prefs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'];
  var pick = 'en';
  for (var i = 0; i < prefs.length; i++) {
    var base = String(prefs[i]).toLowerCase().split('-')[0];
    if (supported.indexOf(base) !== -1) { pick = base; break; }
  }
  if (location.pathname === '/' || location.pathname === '/index.html') location.replace('/' + pick + '/' + location.hash);
})();
