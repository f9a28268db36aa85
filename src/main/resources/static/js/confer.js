// Every htmx request carries the page's CSRF token; pages opt into the rest with data-* attributes.
document.addEventListener('htmx:configRequest', function (e) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) { e.detail.headers['X-CSRF-TOKEN'] = meta.content; }
});
// A field marked data-keep-focus is emptied once its form was answered and gets the focus back, so a USB
// scanner can type the next code at once; a poll elsewhere on the page never takes the focus from a field
// someone is typing in.
document.addEventListener('htmx:afterRequest', function (e) {
  var source = e.detail.elt;
  var field = source && source.querySelector ? source.querySelector('[data-keep-focus]') : null;
  if (field && e.detail.successful) { field.value = ''; }
});
document.addEventListener('htmx:afterSettle', function () {
  var field = document.querySelector('[data-keep-focus]');
  var active = document.activeElement;
  if (!field || active === field) { return; }
  if (active && active !== document.body && active.matches('input, select, textarea')) { return; }
  field.focus();
});
// Buttons marked data-confirm ask first (cancel a ticket, replace an event).
document.addEventListener('submit', function (e) {
  var button = e.submitter || e.target.querySelector('[data-confirm]');
  var question = (button && button.getAttribute('data-confirm')) || e.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) { e.preventDefault(); e.stopImmediatePropagation(); }
}, true);
