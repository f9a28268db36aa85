// Offline first for the desk, door and booth (see docs/architecture.md, "Floor devices offline"):
// - the roster of the event in IndexedDB, fetched once and then as deltas every 30 s while online;
// - the ticket's Ed25519 signature checked in the browser (WebCrypto) with the event's public key;
// - when the network is down (or a scan gets no answer in 4 s) the scan is judged here, shown as an
//   offline verdict, and queued with its own id and scan time; the queue is sent through the page's sync
//   endpoint when the network returns, and the server settles it in scan-time order, each action once;
// - a door admits offline against its own count: the seats the server reported last, minus its own offline
//   admissions; the server settles at sync (admissions over capacity are counted there, never dropped);
// - a desk's badge printed offline (desk.js draws it) is logged under its print id when the queue syncs;
// - signing out wipes the roster, the queue and the cached pages.
(function () {
  'use strict';
  var box = document.getElementById('floor-offline');
  var floor = window.ConferFloor;
  if (!box || !floor || !window.indexedDB) { return; }
  var REFRESH_MS = 30000;
  var BATCH = 500;
  var kind = box.getAttribute('data-floor');          // desk | door | sponsor
  var slug = box.getAttribute('data-slug');
  var point = box.getAttribute('data-point') || null;  // session:S201, booth:B01 (a room's door: the session shown now)
  var windowsBox = document.getElementById('door-windows');
  var windows = [];                                    // a door's session windows (door opens 30 min before, until the end)
  try { windows = windowsBox ? JSON.parse(windowsBox.textContent || '[]') : []; } catch (err) { windows = []; }
  var zone = box.getAttribute('data-zone');
  var dbName = 'confer-floor-' + slug + '-' + kind;
  var db = null;
  var key = null;
  var rosterReady = false;
  var syncing = false;
  var refreshes = 0;
  // navigator.onLine only says a network is joined: a venue's Wi-Fi that carries nothing still says true (and so does
  // a page reloaded while offline, in some Chromium versions). A request that fails for want of a network marks the
  // server unreachable until one gets through again.
  var reachable = true;
  function isOnline() { return navigator.onLine && reachable; }
  function reached() { if (!reachable) { reachable = true; status(); } }
  function lost(err) { if (err instanceof TypeError && reachable) { reachable = false; status(); } }
  function t(name, arg) {
    var v = box.getAttribute('data-t-' + name) || '';
    return arg === undefined ? v : v.replace('{0}', arg);
  }

  // ---- IndexedDB: roster (by id), badges (nfcUid -> id), queue (by action id), meta (cursor, key, last sync, seen)
  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(dbName, 1);
      request.onupgradeneeded = function () {
        var d = request.result;
        d.createObjectStore('roster', { keyPath: 'id' }).createIndex('nfcUid', 'nfcUid');
        d.createObjectStore('queue', { keyPath: 'id' });
        d.createObjectStore('meta');
      };
      request.onsuccess = function () {
        var d = request.result;
        // a sign-out in any tab deletes this database: let go of it, or the wipe waits until this tab is closed
        d.onversionchange = function () { d.close(); if (db === d) { db = null; } };
        resolve(d);
      };
      request.onerror = function () { reject(request.error); };
    });
  }
  function tx(stores, mode, work) {
    return new Promise(function (resolve, reject) {
      var transaction = db.transaction(stores, mode);
      var result;
      transaction.oncomplete = function () { resolve(result); };
      transaction.onerror = function () { reject(transaction.error); };
      transaction.onabort = function () { reject(transaction.error); };
      result = work(transaction);
    });
  }
  function get(store, k) {
    return new Promise(function (resolve, reject) {
      var r = db.transaction(store).objectStore(store).get(k);
      r.onsuccess = function () { resolve(r.result); };
      r.onerror = function () { reject(r.error); };
    });
  }
  function all(store) {
    return new Promise(function (resolve, reject) {
      var r = db.transaction(store).objectStore(store).getAll();
      r.onsuccess = function () { resolve(r.result); };
      r.onerror = function () { reject(r.error); };
    });
  }
  function put(store, value, k) { return tx([store], 'readwrite', function (x) { x.objectStore(store).put(value, k); }); }
  function byBadge(uid) {
    return new Promise(function (resolve, reject) {
      var r = db.transaction('roster').objectStore('roster').index('nfcUid').get(uid.toUpperCase());
      r.onsuccess = function () { resolve(r.result); };
      r.onerror = function () { reject(r.error); };
    });
  }

  // ---- the status line: online or offline, queue length, last sync
  var queueLength = 0;
  var lastSync = null;
  function time(iso) {
    return new Intl.DateTimeFormat(document.documentElement.lang || undefined,
      { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: zone }).format(new Date(iso));
  }
  function status() {
    var online = isOnline();
    box.setAttribute('data-online', online ? 'true' : 'false');
    box.setAttribute('data-queue', String(queueLength));
    box.setAttribute('data-roster', rosterReady ? 'ready' : 'loading');
    box.querySelector('[data-net]').textContent = online ? t('online') : t('offline');
    box.querySelector('[data-queued]').textContent = t('queued', String(queueLength));
    box.querySelector('[data-synced]').textContent = lastSync ? t('synced', time(lastSync)) : t('never');
    box.classList.toggle('offline', !online);
  }
  function countQueue() {
    return all('queue').then(function (q) { queueLength = q.length; status(); return q; });
  }

  // ---- the roster: everything once, then deltas
  function refresh() {
    if (!navigator.onLine) { return Promise.resolve(); }
    return get('meta', 'cursor').then(function (cursor) {
      function page(since) {
        var url = box.getAttribute('data-roster-url') + (since ? '?since=' + encodeURIComponent(since) : '');
        return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (r) {
          reached();
          if (!r.ok) { throw new Error('roster ' + r.status); }
          return r.json();
        }).then(function (answer) {
          return tx(['roster', 'meta'], 'readwrite', function (x) {
            var store = x.objectStore('roster');
            answer.entries.forEach(function (e) {
              if (e.nfcUid) { e.nfcUid = e.nfcUid.toUpperCase(); }
              store.put(e);
            });
            x.objectStore('meta').put(answer.cursor, 'cursor');
          }).then(function () { return answer.more ? page(answer.cursor) : null; });
        });
      }
      return page(cursor);
    }).then(function () {
      rosterReady = true;
      refreshes++;
      box.setAttribute('data-refreshes', String(refreshes)); // tests and support see a refresh happen
      status();
    }, function (err) { lost(err); console.warn('Confer: the roster was not refreshed', err); status(); });
  }

  function loadKey() {
    return get('meta', 'key').then(function (spki) {
      var fresh = navigator.onLine ? fetch(box.getAttribute('data-key-url'), { credentials: 'omit' }).then(function (r) { return r.json(); })
        .then(function (k) { return put('meta', k.publicKey, 'key').then(function () { return k.publicKey; }); }, function () { return spki; })
        : Promise.resolve(spki);
      return fresh;
    }).then(function (spki) {
      if (!spki || !crypto.subtle) { return null; }
      var bytes = Uint8Array.from(atob(spki), function (c) { return c.charCodeAt(0); });
      return crypto.subtle.importKey('spki', bytes, { name: 'Ed25519' }, false, ['verify']).then(function (k) { key = k; }, function () { return null; });
    });
  }

  // ---- local verification: CF1.<slug>.<id, base64url>.<signature, base64url>
  function b64url(text) {
    var s = text.replace(/-/g, '+').replace(/_/g, '/');
    while (s.length % 4) { s += '='; }
    return Uint8Array.from(atob(s), function (c) { return c.charCodeAt(0); });
  }
  function uuidOf(bytes) {
    var h = Array.prototype.map.call(bytes, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }
  /** The roster entry a scanned text stands for, or a reason: 'forged', 'unknown'. */
  function identify(text) {
    if (text.indexOf('.') < 0) {
      return byBadge(text).then(function (e) { return e ? { entry: e, credential: { nfcUid: text } } : { reason: 'unknown' }; });
    }
    var parts = text.split('.');
    if (parts.length !== 4 || parts[0] !== 'CF1' || parts[1] !== slug || !key) { return Promise.resolve({ reason: 'forged' }); }
    var id;
    var signature;
    try {
      var raw = b64url(parts[2]);
      if (raw.length !== 16) { return Promise.resolve({ reason: 'forged' }); }
      id = uuidOf(raw);
      signature = b64url(parts[3]);
    } catch (err) {
      return Promise.resolve({ reason: 'forged' });
    }
    var body = new TextEncoder().encode(parts.slice(0, 3).join('.'));
    return crypto.subtle.verify({ name: 'Ed25519' }, key, signature, body).then(function (good) {
      if (!good) { return { reason: 'forged' }; }
      return get('roster', id).then(function (e) { return e ? { entry: e, credential: { ticket: text } } : { reason: 'unknown' }; });
    }, function () { return { reason: 'forged' }; });
  }

  function today() {
    return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  }

  // ---- a door that follows its room: the session shown now, and the one whose door is open at a moment
  function currentPoint() {
    var now = document.getElementById('door-now');
    return now ? (now.getAttribute('data-point') || null) : point;
  }
  function windowAt(iso) {
    var at = new Date(iso).getTime();
    for (var i = 0; i < windows.length; i++) { // in start order: of two back-to-back sessions the earlier until it ends
      if (at >= new Date(windows[i].opens).getTime() && at <= new Date(windows[i].ends).getTime()) { return windows[i]; }
    }
    return null;
  }
  function nextAfter(iso) {
    var at = new Date(iso).getTime();
    var next = null;
    windows.forEach(function (w) {
      var opens = new Date(w.opens).getTime();
      if (opens > at && (!next || opens < new Date(next.opens).getTime())) { next = w; }
    });
    return next;
  }
  /** Offline, the room's page switches to the session of the moment by itself (online the polled part does). */
  function follow(iso) {
    var now = document.getElementById('door-now');
    if (!now || !windows.length) { return; }
    var open = windowAt(iso);
    var w = open || nextAfter(iso);
    var p = w ? w.point : '';
    if (p === (now.getAttribute('data-point') || '') && String(!!open) === now.getAttribute('data-door-open')) { return; }
    var changed = p !== (now.getAttribute('data-point') || '');
    now.setAttribute('data-point', p);
    now.setAttribute('data-door-open', String(!!open));
    function set(id, value) {
      var el = document.getElementById(id);
      if (!el) { el = document.createElement('p'); el.id = id; now.appendChild(el); }
      el.textContent = value;
    }
    set('door-state-label', w ? now.getAttribute(open ? 'data-t-now' : 'data-t-next') : '');
    set('door-session', w ? w.title : now.getAttribute('data-t-none'));
    set('door-hours', w ? w.hours + ' · ' + w.code : '');
    set('door-open', w ? (open ? now.getAttribute('data-t-open').replace('{0}', w.endsAt) : now.getAttribute('data-t-opens').replace('{0}', w.opensAt)) : '');
    var seats = seatsBox();
    if (changed && seats && seats.getAttribute('data-point')) { known[seats.getAttribute('data-point')] = seats.getAttribute('data-admitted'); }
    if (changed && w) {
      if (!seats) {
        seats = document.createElement('p');
        seats.id = 'admitted';
        seats.className = 'door-count';
        seats.setAttribute('data-template', now.getAttribute('data-t-admitted'));
        now.appendChild(seats);
      }
      // the server's count as last seen for that session, else none: this device's own count
      seats.setAttribute('data-point', w.point);
      seats.setAttribute('data-admitted', known[w.point] || '0');
      seats.setAttribute('data-capacity', String(w.capacity));
      all('queue').then(showLocalSeats);
    }
    if (seats) { seats.hidden = !w; }
  }
  var known = {}; // point -> admitted as the server last said, for a session this page switched away from offline
  setInterval(function () { if (!isOnline()) { follow(new Date().toISOString()); } }, 5000);

  // ---- a door's own count while offline
  var seatsBox = function () { return document.getElementById('admitted'); };
  function offlineAdmissions(q) {
    var here = currentPoint();
    return q.filter(function (a) { return a.kind === 'tap' && a.point === here && a.local === 'ADMITTED' && a.seat; }).length;
  }
  function showLocalSeats(q) {
    var p = seatsBox();
    if (!p || !p.hasAttribute('data-capacity')) { return; }
    var admitted = Number(p.getAttribute('data-admitted')) + offlineAdmissions(q);
    p.textContent = (p.getAttribute('data-template') || '{0} / {1}').replace('{0}', admitted).replace('{1}', p.getAttribute('data-capacity'));
  }

  /** Judges one scan here, queues it, and returns the verdict to show. */
  function judge(scan) {
    var here = point;
    if (kind === 'door' && windows.length) { // a session's door admits only in its window, offline too
      var w = windowAt(scan.at);
      if (!w) {
        var next = nextAfter(scan.at);
        var refused = floor.verdict('NOT_NOW', 'no', t('not-now'),
          [next ? t('not-now-next').replace('{0}', next.title).replace('{1}', next.opensAt) : t('not-now-none')]);
        refused.setAttribute('data-offline', 'true');
        return Promise.resolve(refused); // nothing queued: nobody was admitted
      }
      follow(scan.at);
      here = w.point;
    }
    return identify(scan.text).then(function (found) {
      if (found.reason) {
        return { result: found.reason === 'forged' ? 'FORGED' : 'UNKNOWN', css: 'no', title: t(found.reason), lines: [t(found.reason + '-detail')] };
      }
      var e = found.entry;
      var who = [{ css: 'verdict-name', text: e.name }, e.company];
      if (e.status === 'REVOKED') { return { result: 'REVOKED', css: 'no', title: t('revoked'), lines: [t('revoked-detail')] }; }
      if (e.status === 'CANCELLED') { return { result: 'CANCELLED', css: 'no', title: t('cancelled'), lines: who.concat([t('cancelled-detail')]) }; }
      if (e.status !== 'CONFIRMED') { return { result: 'NOT_CONFIRMED', css: 'no', title: t('not-confirmed'), lines: who }; }
      var day = today();
      var action = { id: scan.id, at: scan.at, credential: found.credential, registration: e.id };
      if (kind === 'desk') {
        var already = (e.checkedInDays || []).indexOf(day) >= 0;
        action.kind = 'check-in';
        action.local = already ? 'ALREADY' : 'CHECKED_IN';
        e.checkedInDays = (e.checkedInDays || []).concat(already ? [] : [day]);
        return tx(['queue', 'roster'], 'readwrite', function (x) { x.objectStore('queue').put(action); x.objectStore('roster').put(e); })
          .then(function () {
            // the badge prints offline from the page (desk.js draws the QR from the scanned ticket)
            var badge = { registration: e.id, name: e.name, company: e.company || null, ticket: found.credential.ticket || null, reprint: already };
            return already ? { result: 'ALREADY', css: 'warn', title: t('already'), lines: who, badge: badge }
              : { result: 'CHECKED_IN', css: 'ok', title: t('checked-in'), lines: who.concat([t('desk-note')]), badge: badge };
          });
      }
      if ((e.checkedInDays || []).indexOf(day) < 0) {
        return { result: 'NOT_CHECKED_IN', css: 'warn', title: t('not-checked-in'), lines: who.concat([t('not-checked-in-detail')]) };
      }
      action.kind = 'tap';
      action.point = here;
      return all('queue').then(function (q) {
        var before = q.some(function (a) { return a.kind === 'tap' && a.point === here && a.registration === e.id && a.local === 'ADMITTED'; });
        var p = seatsBox();
        if (kind === 'door' && p && p.hasAttribute('data-capacity') && !before) {
          var left = Number(p.getAttribute('data-capacity')) - Number(p.getAttribute('data-admitted')) - offlineAdmissions(q);
          if (left <= 0) {
            return { result: 'FULL', css: 'no', title: t('full'), lines: who.concat([t('full-detail')]) };
          }
        }
        action.local = 'ADMITTED';
        action.seat = !before;
        return put('queue', action).then(function () {
          q.push(action);
          showLocalSeats(q);
          var title = kind === 'sponsor' ? t('recorded') : before ? t('reentry') : t('admitted');
          return { result: 'ADMITTED', entry: before ? 'REENTRY' : 'FIRST', css: 'ok', title: title, lines: who };
        });
      });
    }).then(function (v) {
      var node = floor.verdict(v.result, v.css, v.title, v.lines.concat([t('queued-note')]));
      node.setAttribute('data-offline', 'true');
      if (v.entry) { node.setAttribute('data-entry', v.entry); }
      countQueue();
      return v.badge && floor.badge ? Promise.resolve(floor.badge(node, v.badge)).catch(function () { return node; }) : node;
    });
  }

  floor.use({
    before: function (scan) { return !isOnline() && scan && rosterReady ? judge(scan) : null; },
    // no answer in 4 s is a slow server, judged here this once; a failed request is no network: judged here until
    // the server answers again
    unreachable: function (scan, err) { lost(err); return scan && rosterReady ? judge(scan) : null; }
  });

  // ---- sync: the queue, oldest first, 500 a call; each answered action leaves the queue
  function device() {
    var name = localStorage.getItem('confer-device');
    if (!name) { name = kind + '-' + floor.uuid().slice(0, 8); localStorage.setItem('confer-device', name); }
    return name;
  }
  function wire(a) {
    var out = { id: a.id, kind: a.kind, at: a.at };
    if (a.kind === 'tap') { out.tapId = a.id; out.point = a.point; out.credential = a.credential; }
    else { out.ticket = a.credential.ticket || null; out.nfcUid = a.credential.nfcUid || null; }
    return out;
  }
  function sync() {
    if (syncing || !isOnline()) { return Promise.resolve(); }
    syncing = true;
    return all('queue').then(function (q) {
      q.sort(function (a, b) { return a.at < b.at ? -1 : a.at > b.at ? 1 : 0; });
      function next(rest) {
        if (!rest.length) { return null; }
        var batch = rest.slice(0, BATCH);
        return fetch(box.getAttribute('data-sync-url'), {
          method: 'POST', credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-TOKEN': floor.csrf() },
          body: JSON.stringify({ device: device(), actions: batch.map(wire) })
        }).then(function (r) {
          reached();
          if (!r.ok) { throw new Error('sync ' + r.status); }
          return r.json();
        }).then(function (answer) {
          return tx(['queue'], 'readwrite', function (x) {
            (answer.results || []).forEach(function (res) {
              if (res.status < 500 && res.status !== 429) { x.objectStore('queue').delete(res.id); }
            });
          }).then(function () { return next(rest.slice(BATCH)); });
        });
      }
      return next(q);
    }).then(sendPrints).then(function () {
      lastSync = new Date().toISOString();
      return put('meta', lastSync, 'lastSync');
    }).then(countQueue, function (err) { lost(err); return countQueue(); })
      .then(function () { syncing = false; box.setAttribute('data-synced-at', lastSync || ''); }, function () { syncing = false; });
  }

  // ---- badges printed offline: logged when the queue syncs, each under the page's own print id (the log counts an id
  // once, so a print sent twice, or sent just before the network went, is logged once), with the time it was printed
  var PRINTS = IDBKeyRange.bound('print:', 'print:\uffff');
  function queuePrint(p) {
    return (db ? put('meta', p, 'print:' + p.id) : Promise.reject(new Error('no database'))).then(pendingPrints);
  }
  /** The prints not yet logged; their number is in data-prints for support and tests. */
  function pendingPrints() {
    return new Promise(function (resolve, reject) {
      var r = db.transaction('meta').objectStore('meta').getAll(PRINTS);
      r.onsuccess = function () { box.setAttribute('data-prints', String(r.result.length)); resolve(r.result); };
      r.onerror = function () { reject(r.error); };
    });
  }
  function sendPrints() {
    return pendingPrints().then(function (prints) {
      return prints.reduce(function (done, p) {
        return done.then(function () {
          var body = new URLSearchParams();
          body.set('print', p.id);
          body.set('at', p.at);
          return fetch(p.url, { method: 'POST', credentials: 'same-origin', redirect: 'manual', body: body, headers: { 'X-CSRF-TOKEN': floor.csrf() } })
            .then(function (r) {
              // kept for the next sync when signed out (sent to sign in), refused for load or failed; answered: done
              var later = r.type === 'opaqueredirect' || r.status === 401 || r.status === 403 || r.status === 429 || r.status >= 500;
              if (!later) {
                return tx(['meta'], 'readwrite', function (x) { x.objectStore('meta').delete('print:' + p.id); });
              }
            });
        });
      }, Promise.resolve()).then(pendingPrints);
    });
  }
  floor.queuePrint = queuePrint;

  function online() { status(); sync().then(refresh).then(loadKey); }

  // ---- sign-out wipes what this device holds
  document.addEventListener('submit', function (e) {
    var f = e.target;
    if (!f.action || !/\/logout$/.test(f.action) || f.hasAttribute('data-wiped')) { return; }
    e.preventDefault();
    if (db) { db.close(); }
    var done = function () { f.setAttribute('data-wiped', ''); f.submit(); };
    var finished = false;
    var finish = function () {
      if (finished) { return; }
      finished = true;
      if (navigator.serviceWorker && navigator.serviceWorker.controller) { navigator.serviceWorker.controller.postMessage({ type: 'wipe' }); }
      if (window.caches) { caches.delete('confer-floor-v1').then(done, done); } else { done(); }
    };
    var wipe = indexedDB.deleteDatabase(dbName);
    wipe.onsuccess = wipe.onerror = finish;
    // still held open somewhere (an old page that does not let go): the deletion stays queued and runs once that
    // closes; the sign-out does not wait for it longer than this
    wipe.onblocked = function () { setTimeout(finish, 3000); };
  }, true);

  // ---- installable, and the page shell cached by the service worker
  var manifest = document.createElement('link');
  manifest.rel = 'manifest';
  manifest.href = box.getAttribute('data-manifest');
  manifest.crossOrigin = 'use-credentials';
  document.head.appendChild(manifest);
  if (navigator.serviceWorker) {
    navigator.serviceWorker.register(box.getAttribute('data-sw'), { scope: box.getAttribute('data-scope') }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      var urls = [location.pathname];
      Array.prototype.forEach.call(document.querySelectorAll('script[src], link[rel="stylesheet"], link[rel="icon"]'), function (el) {
        urls.push(el.src || el.href);
      });
      var zxing = document.querySelector('[data-zxing]');
      if (zxing) { urls.push(zxing.getAttribute('data-zxing')); }
      if (registration.active) { registration.active.postMessage({ type: 'cache', urls: urls }); }
      navigator.serviceWorker.addEventListener('message', function (m) {
        if (m.data && m.data.type === 'cached') { box.setAttribute('data-shell', 'cached'); }
      });
    }).catch(function () { /* no offline shell on this browser: the page still works online */ });
  }

  open().then(function (d) {
    db = d;
    return get('meta', 'lastSync');
  }).then(function (last) {
    lastSync = last || null;
    return pendingPrints().then(countQueue);
  }).then(function (q) {
    return get('meta', 'cursor').then(function (c) { rosterReady = !!c; showLocalSeats(q); });
  }).then(loadKey).then(function () {
    status();
    online();
    window.addEventListener('online', function () { reachable = true; online(); });
    window.addEventListener('offline', status);
    setInterval(function () { if (isOnline()) { sync().then(refresh); } }, REFRESH_MS);
    // unreachable while a network is joined: a light roster delta every 5 s tells when the server answers again
    setInterval(function () { if (navigator.onLine && !reachable) { refresh().then(function () { if (reachable) { online(); } }); } }, 5000);
  }).catch(function (err) { console.warn('Confer: offline mode is not available', err); status(); });
})();
