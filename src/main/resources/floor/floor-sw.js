// The floor pages' service worker (registered by /desk/, /door/ and /sponsor/ pages for their own scope).
// It keeps the page shell working with no network: the floor page itself (network first, the last good copy
// when there is no answer) and its scripts, styles and icon (content-hashed URLs: cache first). Everything
// else (scans, the roster, syncs, polls) goes to the network untouched; the page handles offline itself.
// Signing out wipes the cache (message 'wipe').
'use strict';
var CACHE = 'confer-floor-v1';
var NAVIGATION_TIMEOUT_MS = 4000;

self.addEventListener('install', function () { self.skipWaiting(); });
self.addEventListener('activate', function (event) { event.waitUntil(self.clients.claim()); });

function isAsset(url) {
  return url.origin === self.location.origin
    && (/^\/(js|css|webjars)\//.test(url.pathname) || url.pathname === '/favicon.svg');
}

function isShell(request, url) {
  // the floor page itself, without a query (a desk search result is live data, never cached)
  return request.mode === 'navigate' && url.origin === self.location.origin && !url.search
    && /^\/(desk|door|sponsor)\//.test(url.pathname);
}

function networkFirst(request) {
  return new Promise(function (resolve) {
    var settled = false;
    function fromCache() {
      if (settled) { return; }
      settled = true;
      resolve(caches.match(request).then(function (hit) { return hit || fetch(request); }));
    }
    var timer = setTimeout(fromCache, NAVIGATION_TIMEOUT_MS);
    fetch(request).then(function (response) {
      if (settled) { return; }
      clearTimeout(timer);
      if (response.ok && response.type === 'basic') {
        settled = true;
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { return cache.put(request.url, copy); });
        resolve(response);
      } else if (response.type === 'opaqueredirect' || response.redirected
          || response.status === 401 || response.status === 403 || (response.status >= 300 && response.status < 400)) {
        // a navigation's redirect (to the sign-in page) reaches us opaque: signed out, pass it on
        settled = true;
        resolve(response); // signed out: never show the old page instead
      } else {
        fromCache();
      }
    }, function () { clearTimeout(timer); fromCache(); });
  });
}

function cacheFirst(request) {
  return caches.match(request).then(function (hit) {
    return hit || fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(CACHE).then(function (cache) { return cache.put(request, copy); });
      }
      return response;
    });
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') { return; }
  var url = new URL(request.url);
  if (isShell(request, url)) { event.respondWith(networkFirst(request)); return; }
  if (isAsset(url)) { event.respondWith(cacheFirst(request)); }
});

self.addEventListener('message', function (event) {
  var data = event.data || {};
  if (data.type === 'cache' && Array.isArray(data.urls)) {
    // the page that registered us lists its shell: it loaded before we controlled it
    event.waitUntil(caches.open(CACHE).then(function (cache) {
      return Promise.all(data.urls.map(function (u) {
        return fetch(u, { credentials: 'same-origin' }).then(function (r) { if (r.ok) { return cache.put(u, r); } }, function () {});
      }));
    }).then(function () { if (event.source) { event.source.postMessage({ type: 'cached' }); } }));
  } else if (data.type === 'wipe') {
    event.waitUntil(caches.delete(CACHE));
  }
});
