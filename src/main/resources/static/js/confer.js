// Every htmx request carries the page's CSRF token; pages opt into the rest with data-* attributes.
document.addEventListener('htmx:configRequest', function (e) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) { e.detail.headers['X-CSRF-TOKEN'] = meta.content; }
});
// A field marked data-keep-focus gets the focus back after every swap, so a USB scanner can type the next code.
document.addEventListener('htmx:afterSettle', function () {
  var field = document.querySelector('[data-keep-focus]');
  if (field) { field.focus(); field.select && field.select(); }
});
// Buttons marked data-confirm ask first (cancel a ticket, replace an event).
document.addEventListener('submit', function (e) {
  var button = e.submitter || e.target.querySelector('[data-confirm]');
  var question = (button && button.getAttribute('data-confirm')) || e.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) { e.preventDefault(); e.stopImmediatePropagation(); }
}, true);
