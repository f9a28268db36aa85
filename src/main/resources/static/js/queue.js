// The waiting page: asks the queue API where this browser's place stands every few seconds, shows the position and
// the estimated wait, and once a pass is out goes back to the waiting page, which sets it and moves on to the form.
(function () {
  var main = document.querySelector('[data-queue]');
  if (!main) { return; }
  var api = main.getAttribute('data-queue-api');
  var every = Math.max(1, Number(main.getAttribute('data-poll-seconds')) || 3) * 1000;
  var position = document.getElementById('queue-position');
  var eta = document.getElementById('queue-eta');
  function wait(seconds) {
    if (seconds < 60) { return main.getAttribute('data-eta-seconds'); }
    return main.getAttribute('data-eta-minutes').replace('{0}', String(Math.ceil(seconds / 60)));
  }
  function poll() {
    fetch(api, { headers: { 'Accept': 'application/json' }, cache: 'no-store' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (place) {
        if (!place || place.expired) { window.location.assign(main.getAttribute('data-queue-next')); return; }
        if (place.pass) {
          main.setAttribute('data-state', 'admitted');
          document.getElementById('queue-admitted').hidden = false;
          window.location.assign(main.getAttribute('data-queue-next'));
          return;
        }
        // sold out: the line stands still (and says so) until a place comes back; waitlist only: say what is left
        main.setAttribute('data-state', place.soldOut ? 'sold-out' : 'waiting');
        document.getElementById('queue-sold-out').hidden = !place.soldOut;
        document.getElementById('queue-waitlist').hidden = !place.waitlistOnly;
        position.textContent = Number(place.position).toLocaleString();
        position.setAttribute('data-position', String(place.position));
        eta.textContent = wait(place.etaSeconds);
        eta.setAttribute('data-eta-seconds', String(place.etaSeconds));
        main.setAttribute('data-polled', String(Number(main.getAttribute('data-polled') || 0) + 1));
        window.setTimeout(poll, every);
      })
      .catch(function () { window.setTimeout(poll, every); });
  }
  window.setTimeout(poll, every);
})();
