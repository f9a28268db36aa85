// My ticket keeps working without a network: a service worker (ticket-sw.js, scoped to this event's my-ticket
// pages) saves this page for this browser; the page says how fresh it is and reloads when the network is back.
(function () {
  var root = document.getElementById('ticket-offline');
  if (!root) { return; }
  var html = document.documentElement;
  var fresh = document.getElementById('ticket-fresh');

  // a copy the service worker served from its cache (ticket-sw.js marks it), not the server's answer
  var savedCopy = html.getAttribute('data-served') === 'saved';

  function showFreshness() {
    var offline = !navigator.onLine;
    var asSaved = offline || savedCopy;
    fresh.textContent = asSaved ? root.getAttribute('data-offline-text') : root.getAttribute('data-online-text');
    fresh.classList.toggle('warn', asSaved);
    html.setAttribute('data-network', offline ? 'offline' : 'online');
  }
  showFreshness();
  window.addEventListener('offline', showFreshness);
  window.addEventListener('online', function () { showFreshness(); window.location.reload(); });

  // A saved copy keeps asking for the fresh page while the phone is on a network (the "online" event may come
  // before the network really works, or not at all): it reloads as soon as the server answers.
  var asking = false;
  function askForFreshPage() {
    if (asking || !navigator.onLine || document.hidden) { return; }
    asking = true;
    fetch(window.location.href, { cache: 'no-store', credentials: 'same-origin' })
      .then(function (r) { if (r.ok && !r.headers.get('X-Confer-Saved')) { window.location.reload(); } })
      .catch(function () { /* still no network */ })
      .then(function () { asking = false; });
  }
  if (savedCopy) { window.setInterval(askForFreshPage, 3000); }

  var cancelled = root.getAttribute('data-ticket-status') === 'CANCELLED';
  // the agenda on this phone stars sessions for this holder (agenda.js); a cancelled ticket stars nothing
  try {
    var key = 'confer.ticket.' + root.getAttribute('data-event');
    var token = new URLSearchParams(window.location.search).get('token');
    if (cancelled) { window.localStorage.removeItem(key); } else if (token) {
      window.localStorage.setItem(key, JSON.stringify({ id: root.getAttribute('data-holder'), token: token }));
    }
  } catch (e) { /* storage switched off: the agenda just shows no stars */ }

  if (!('serviceWorker' in navigator)) { html.setAttribute('data-ticket-saved', 'unsupported'); return; }
  navigator.serviceWorker.register(root.getAttribute('data-worker'), { scope: root.getAttribute('data-scope') })
    .then(function () { return navigator.serviceWorker.ready; })
    .then(function (registration) {
      var files = Array.prototype.map.call(document.querySelectorAll('link[rel=stylesheet], script[src], link[rel=icon]'),
        function (el) { return el.getAttribute('href') || el.getAttribute('src'); });
      var channel = new MessageChannel();
      channel.port1.onmessage = function (e) {
        html.setAttribute('data-ticket-saved', cancelled ? 'forgotten' : (e.data && e.data.kept ? 'yes' : 'no'));
      };
      registration.active.postMessage(cancelled ? { type: 'forget' } : { type: 'keep', page: window.location.href, files: files },
        [channel.port2]);
    })
    .catch(function () { html.setAttribute('data-ticket-saved', 'no'); });

  // "Add to home screen", where the browser offers it
  var install = document.getElementById('ticket-install');
  var offer = null;
  window.addEventListener('beforeinstallprompt', function (e) {
    e.preventDefault();
    offer = e;
    if (install) { install.hidden = false; }
  });
  if (install) {
    install.addEventListener('click', function () {
      if (!offer) { return; }
      offer.prompt();
      offer = null;
      install.hidden = true;
    });
  }
})();
