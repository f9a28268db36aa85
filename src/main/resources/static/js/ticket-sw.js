// My ticket without a network: this service worker is registered by My ticket only, scoped to the event's
// my-ticket pages (/e/{slug}/my-ticket/), and never sees the desk, door or sponsor pages. It keeps the holder's own
// copy of the ticket page (its QR, name, status, seats and vouchers as last seen) and the files it needs, in a
// cache of this browser alone; the page itself stays no-store toward every shared cache.
var CACHE = 'confer-ticket-v1';
var TICKET_PAGE = /^\/e\/[^/]+\/my-ticket\/[0-9a-fA-F-]{36}$/;
var STATIC_FILE = /^\/(css|js|webjars)\/|^\/favicon\.svg$/;
var CANCELLED = 'data-ticket-status="CANCELLED"';

self.addEventListener('install', function () { self.skipWaiting(); });
self.addEventListener('activate', function (event) { event.waitUntil(self.clients.claim()); });

function isTicket(url) { return url.origin === self.location.origin && TICKET_PAGE.test(url.pathname); }
function isStatic(url) { return url.origin === self.location.origin && STATIC_FILE.test(url.pathname); }

// A fresh ticket page replaces the saved one; a cancelled or unknown ticket is forgotten.
function keepTicket(request, response) {
  if (response.status === 404 || response.status === 410) {
    return caches.open(CACHE).then(function (cache) { return cache.delete(request.url, { ignoreVary: true }); });
  }
  if (!response.ok) { return Promise.resolve(); }
  return response.clone().text().then(function (html) {
    return caches.open(CACHE).then(function (cache) {
      if (html.indexOf(CANCELLED) >= 0) { return caches.delete(CACHE); }
      return cache.put(request.url, new Response(html, { headers: { 'Content-Type': 'text/html;charset=UTF-8' } }));
    });
  });
}

// The saved copy says that it is one (the page shows "as saved" even where the phone believes it is online,
// and the page's own check for the network can tell a saved copy from a fresh answer).
function asSavedCopy(saved) {
  return saved.text().then(function (html) {
    return new Response(html.replace('<html', '<html data-served="saved"'),
      { headers: { 'Content-Type': 'text/html;charset=UTF-8', 'X-Confer-Saved': 'yes' } });
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') { return; }
  var url = new URL(request.url);
  if (isTicket(url)) {
    event.respondWith(fetch(request).then(function (response) {
      event.waitUntil(keepTicket(request, response));
      return response;
    }, function () {
      return caches.open(CACHE).then(function (cache) { return cache.match(request.url, { ignoreVary: true }); })
        .then(function (saved) { return saved ? asSavedCopy(saved) : Response.error(); });
    }));
  } else if (isStatic(url)) {
    // versioned files never change; an unversioned one is tried on the network first
    event.respondWith(caches.open(CACHE).then(function (cache) {
      return cache.match(request.url).then(function (saved) {
        var fresh = fetch(request).then(function (response) {
          if (response.ok) { cache.put(request.url, response.clone()); }
          return response;
        });
        return saved ? (/-[0-9a-f]{32}\.|\/webjars\//.test(url.pathname) ? saved : fresh.catch(function () { return saved; })) : fresh;
      });
    }));
  }
});

// The page asks to keep itself and its files now (the first visit, before this worker saw any request).
self.addEventListener('message', function (event) {
  var data = event.data || {};
  var port = event.ports && event.ports[0];
  var done = function (ok) { if (port) { port.postMessage({ kept: ok }); } };
  if (data.type === 'forget') {
    event.waitUntil(caches.delete(CACHE).then(function () { done(true); }));
    return;
  }
  if (data.type !== 'keep' || !data.page) { return; }
  var page = new URL(data.page, self.location.origin);
  if (!isTicket(page)) { done(false); return; }
  var files = (data.files || []).map(function (f) { return new URL(f, self.location.origin); }).filter(isStatic);
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all([
      fetch(page.href, { credentials: 'same-origin', cache: 'no-store' }).then(function (r) { return keepTicket(new Request(page.href), r); }),
      Promise.all(files.map(function (f) {
        return fetch(f.href).then(function (r) { if (r.ok) { return cache.put(f.href, r); } });
      }))
    ]);
  }).then(function () { done(true); }, function () { done(false); }));
});
