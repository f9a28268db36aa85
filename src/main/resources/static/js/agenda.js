// Stars on the public agenda, with one tap: My ticket, once opened on this phone, leaves the holder's registration
// (id and manage token) in this browser's storage (ticket.js), and the stars go through the agenda API with it.
(function () {
  function saved(slug) {
    try { return JSON.parse(window.localStorage.getItem('confer.ticket.' + slug) || 'null'); } catch (e) { return null; }
  }
  function api(ticket, slug, path, method) {
    return fetch('/api/v1/events/' + encodeURIComponent(slug) + '/registrations/' + encodeURIComponent(ticket.id) + '/agenda' + path,
      { method: method, headers: { 'X-Manage-Token': ticket.token, 'Accept': 'application/json' }, credentials: 'omit' })
      .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); });
  }
  function show(list, agenda) {
    var starred = {};
    (agenda.sessions || []).forEach(function (s) { if (s.source === 'STARRED') { starred[s.code] = true; } });
    list.querySelectorAll('button[data-star]').forEach(function (b) {
      var on = !!starred[b.getAttribute('data-star')];
      b.setAttribute('aria-pressed', on ? 'true' : 'false');
      b.textContent = (on ? '★ ' : '☆ ') + b.textContent.replace(/^[☆★]\s*/, '');
      b.hidden = false;
    });
    var hint = document.getElementById('star-hint');
    if (hint) { hint.hidden = true; }
    list.setAttribute('data-stars', 'ready');
  }
  function start() {
    var list = document.getElementById('agenda-list');
    if (!list || list.getAttribute('data-stars')) { return; }
    var slug = list.getAttribute('data-event');
    var ticket = saved(slug);
    if (!ticket) { list.setAttribute('data-stars', 'no-ticket'); return; }
    list.setAttribute('data-stars', 'loading');
    api(ticket, slug, '', 'GET').then(function (agenda) { show(list, agenda); }, function () {
      list.setAttribute('data-stars', 'no-ticket'); // cancelled or unknown: forget it
      try { window.localStorage.removeItem('confer.ticket.' + slug); } catch (e) { /* storage off */ }
    });
    list.addEventListener('click', function (e) {
      var button = e.target.closest('button[data-star]');
      if (!button) { return; }
      var on = button.getAttribute('aria-pressed') !== 'true';
      list.setAttribute('data-stars', 'saving');
      api(ticket, slug, '/stars/' + encodeURIComponent(button.getAttribute('data-star')), on ? 'PUT' : 'DELETE')
        .then(function (agenda) {
          show(list, agenda);
          var status = document.getElementById('star-saved');
          if (status) { status.textContent = status.getAttribute('data-text'); }
        }, function () { list.setAttribute('data-stars', 'failed'); });
    });
  }
  start();
  document.addEventListener('htmx:afterSettle', start);
})();
