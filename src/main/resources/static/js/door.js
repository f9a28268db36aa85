// The door: the time (in the event's time zone), and the last 20 scans on this device, newest first, kept for
// this tab only (sessionStorage) and cleared at sign-out. Following the room's programme offline: floor-offline.js.
(function () {
  'use strict';
  var clock = document.getElementById('door-clock');
  if (clock) {
    var format = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
      timeZone: clock.getAttribute('data-zone') || undefined });
    var tick = function () { clock.textContent = format.format(new Date()); };
    tick();
    setInterval(tick, 1000);
  }

  var list = document.getElementById('door-recent');
  if (!list) { return; }
  var none = document.getElementById('recent-none');
  var KEY = 'confer-door-recent:' + location.pathname;
  var MAX = 20;
  var zone = clock ? clock.getAttribute('data-zone') : undefined;
  var timeOf = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: zone || undefined });
  var scans = [];
  try { scans = JSON.parse(sessionStorage.getItem(KEY) || '[]'); } catch (err) { scans = []; }

  function render() {
    list.replaceChildren.apply(list, scans.map(function (s) {
      var li = document.createElement('li');
      li.className = 'door-recent-item ' + s.css;
      li.setAttribute('data-result', s.result);
      var t = document.createElement('time');
      t.textContent = s.time;
      var what = document.createElement('strong');
      what.textContent = s.title;
      li.append(t, ' ', what);
      if (s.name) { li.append(' · ' + s.name); }
      if (s.offline) { li.append(' · ' + (list.getAttribute('data-t-offline') || 'offline')); }
      return li;
    }));
    list.setAttribute('data-count', String(scans.length));
    if (none) { none.hidden = scans.length > 0; }
  }

  document.addEventListener('confer:verdict', function (e) {
    var v = e.detail && e.detail.verdict;
    if (!v || !v.getAttribute) { return; }
    var css = /\bok\b/.test(v.className) ? 'ok' : /\bwarn\b/.test(v.className) ? 'warn' : 'no';
    var h = v.querySelector('h2');
    var name = v.querySelector('.verdict-name');
    scans.unshift({ time: timeOf.format(new Date()), result: v.getAttribute('data-result') || '', css: css,
      title: h ? h.textContent : '', name: name ? name.textContent : '', offline: v.getAttribute('data-offline') === 'true' });
    scans = scans.slice(0, MAX);
    try { sessionStorage.setItem(KEY, JSON.stringify(scans)); } catch (err) { /* full or private: the list still shows */ }
    render();
  });

  // names are personal data: they leave with the staff member
  document.addEventListener('submit', function (e) {
    if (e.target.action && /\/logout$/.test(e.target.action)) {
      Object.keys(sessionStorage).forEach(function (k) { if (k.indexOf('confer-door-recent:') === 0) { sessionStorage.removeItem(k); } });
    }
  }, true);

  render();
})();
