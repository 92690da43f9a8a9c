// Work queue: refreshes its table in place every few seconds, so a new alert shows up without reloading.
(function () {
  'use strict';
  var live = document.getElementById('cola-viva');
  if (!live) return;
  var url = live.getAttribute('data-poll');
  var every = Number(live.getAttribute('data-every')) || 15000;
  function refresh() {
    fetch(url, { headers: { Accept: 'text/html', 'X-Levante-Poll': '1' }, credentials: 'same-origin' })
      .then(function (r) {
        if (r.status === 401) { window.location.assign('/board/entrar?expirada=1'); return null; }
        return r.ok ? r.text() : null;
      })
      .then(function (text) {
        if (!text) return;
        var doc = new DOMParser().parseFromString(text, 'text/html');
        var fresh = doc.getElementById('cola');
        var old = document.getElementById('cola');
        if (fresh && old) old.replaceWith(document.adoptNode(fresh));
      })
      .catch(function () { /* offline for a moment: try again at the next tick */ })
      .finally(function () { setTimeout(refresh, every); });
  }
  setTimeout(refresh, every);
})();
