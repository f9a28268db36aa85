// Every htmx request carries the page's CSRF token; pages opt into the rest with data-* attributes.
document.addEventListener('htmx:configRequest', function (e) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) { e.detail.headers['X-CSRF-TOKEN'] = meta.content; }
});
// A field marked data-keep-focus is emptied once its form was answered and gets the focus back after an
// answer to something sent (a scan, a check-in, a badge link), so a USB scanner can type the next code at once.
// A poll or a search (GET) never moves the focus: a keyboard user on a link or a button stays there.
var conferAnswered = false;
document.addEventListener('htmx:afterRequest', function (e) {
  var source = e.detail.elt;
  var field = source && source.querySelector ? source.querySelector('[data-keep-focus]') : null;
  if (field && e.detail.successful) { field.value = ''; }
  var config = e.detail.requestConfig;
  if (e.detail.successful && config && config.verb && config.verb.toLowerCase() !== 'get') { conferAnswered = true; }
});
document.addEventListener('htmx:afterSettle', function () {
  var answered = conferAnswered;
  conferAnswered = false;
  var field = document.querySelector('[data-keep-focus]');
  var active = document.activeElement;
  var lost = !active || active === document.body;
  if (!field || active === field || !(answered || lost)) { return; }
  field.focus();
});
// Buttons marked data-confirm ask first (cancel a ticket, replace an event).
document.addEventListener('submit', function (e) {
  var button = e.submitter || e.target.querySelector('[data-confirm]');
  var question = (button && button.getAttribute('data-confirm')) || e.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) { e.preventDefault(); e.stopImmediatePropagation(); }
}, true);
// Sections marked data-remember (details with an id) stay open or shut as this device last left them; a
// section opened again fetches its figures at once instead of waiting for its next poll.
(function () {
  'use strict';
  function key(details) { return 'confer-fold:' + location.pathname + '#' + details.id; }
  Array.prototype.forEach.call(document.querySelectorAll('details[data-remember][id]'), function (details) {
    var kept = null;
    try { kept = localStorage.getItem(key(details)); } catch (err) { /* private mode: the page's default */ }
    if (kept === 'shut') { details.open = false; } else if (kept === 'open') { details.open = true; }
    details.addEventListener('toggle', function () {
      try { localStorage.setItem(key(details), details.open ? 'open' : 'shut'); } catch (err) { /* not kept */ }
      var live = details.open && details.querySelector('[hx-get]');
      if (live && window.htmx) { window.htmx.trigger(live, 'refresh'); }
    });
  });
})();
// A countdown to an instant (data-opens-at): "D-3 04:05:06", then the page reloads so the form appears.
(function () {
  var holder = document.querySelector('[data-opens-at]');
  var shown = holder && holder.querySelector('[data-countdown]');
  if (!shown) { return; }
  var at = Date.parse(holder.getAttribute('data-opens-at'));
  function two(n) { return (n < 10 ? '0' : '') + n; }
  var wasCounting = false;
  function tick() {
    var left = Math.max(0, Math.floor((at - Date.now()) / 1000));
    var days = Math.floor(left / 86400);
    shown.textContent = (days > 0 ? 'D-' + days + ' ' : '') + two(Math.floor(left % 86400 / 3600)) + ':'
        + two(Math.floor(left % 3600 / 60)) + ':' + two(left % 60);
    shown.setAttribute('data-seconds-left', String(left));
    if (left === 0) {
      if (wasCounting) { window.location.reload(); }
      return;
    }
    wasCounting = true;
    window.setTimeout(tick, 1000);
  }
  tick();
})();
