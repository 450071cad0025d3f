// Service worker of the phone pages (/field/): keeps the pages and their scripts and styles, so the
// visit form opens without signal. Pages: the network first, the kept copy when there is none.
// Scripts, styles, images: the kept copy, refreshed in the background. Nothing else is touched —
// visits themselves wait in the page's IndexedDB queue (static/js/field.js), not here.
'use strict';

var CACHE = 'zhutui-field-v1';
var PAGES = ['/field/', '/field/visit'];
var ASSETS = ['/css/app.css', '/js/app.js', '/js/field.js', '/img/logo.svg', '/webjars/bootstrap/css/bootstrap.min.css',
  '/webjars/bootstrap/js/bootstrap.bundle.min.js', '/webjars/htmx.org/dist/htmx.min.js'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(PAGES.concat(ASSETS).map(function (url) {
      return fetch(url, {credentials: 'same-origin', redirect: 'follow'}).then(function (res) {
        if (res.ok && !res.redirected) { return cache.put(url, res); }
      }).catch(function () { /* kept the next time it is fetched */ });
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf('zhutui-field-') === 0 && k !== CACHE; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function isAsset(url) {
  return ASSETS.indexOf(url.pathname) >= 0 || url.pathname.indexOf('/webjars/') === 0 || url.pathname.indexOf('/css/') === 0
    || url.pathname.indexOf('/js/') === 0 || url.pathname.indexOf('/img/') === 0;
}

self.addEventListener('fetch', function (event) {
  var req = event.request;
  if (req.method !== 'GET') { return; }
  var url = new URL(req.url);
  if (url.origin !== self.location.origin) { return; }
  if (req.mode === 'navigate' && url.pathname.indexOf('/field/') === 0) {
    event.respondWith(fetch(req).then(function (res) {
      // a page (not the login page it may have been sent to) is kept for when there is no signal
      if (res.ok && !res.redirected && (url.pathname === '/field/' || url.pathname === '/field/visit'
          || url.pathname.indexOf('/field/pairings/') === 0)) {
        var copy = res.clone();
        caches.open(CACHE).then(function (cache) { cache.put(url.pathname, copy); });
      }
      return res;
    }).catch(function () {
      return caches.open(CACHE).then(function (cache) {
        return cache.match(url.pathname).then(function (hit) {
          return hit || cache.match(url.pathname.indexOf('/field/visit') === 0 ? '/field/visit' : '/field/');
        });
      });
    }));
    return;
  }
  if (isAsset(url)) {
    event.respondWith(caches.open(CACHE).then(function (cache) {
      return cache.match(req, {ignoreSearch: true}).then(function (hit) {
        var fresh = fetch(req).then(function (res) {
          if (res.ok) { cache.put(req, res.clone()); }
          return res;
        }).catch(function () { return hit; });
        return hit || fresh;
      });
    }));
  }
});
