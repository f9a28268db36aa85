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
