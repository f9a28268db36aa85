// The desk: badge printing, Web NFC reading, and focus that follows the desk worker (scans and the camera: floor.js).
(function () {
  'use strict';
  // confer.js returns the focus to the scan field after every swap; while someone types a search or
  // corrects a badge UID, the focus stays where they are typing.
  var typing = null;
  document.addEventListener('htmx:beforeRequest', function (e) {
    var source = e.detail && e.detail.elt;
    typing = source && source.id === 'search' ? source : null;
  });
  document.addEventListener('htmx:afterSettle', function () {
    if (typing && document.activeElement !== typing) {
      typing.focus();
      return;
    }
    var invalid = document.querySelector('#nfc [aria-invalid="true"]');
    if (invalid) { invalid.focus(); }
    showNfcReader();
  });

  // ---- print the badge from the page's own print layout (#badge-print, copied into #badge-sheet, the only thing
  // printed while html.printing-badge is set): no PDF viewer in between, so it works offline too and, with Chromium
  // started with --kiosk-printing, goes to the default printer without a dialog (docs/operations.md). Each print is
  // logged first under its own id (who, when, reprint or not); without scripts the link opens the PDF.
  document.addEventListener('click', function (e) {
    var link = e.target.closest && e.target.closest('a[data-print]');
    if (!link || !document.getElementById('badge-print')) { return; }
    e.preventDefault();
    printBadge(link);
  });
  var autoPrint = document.getElementById('auto-print');
  if (autoPrint) {
    autoPrint.checked = localStorage.getItem('confer-auto-print') === 'on';
    autoPrint.addEventListener('change', function () { localStorage.setItem('confer-auto-print', autoPrint.checked ? 'on' : 'off'); });
  }
  // auto-print: a first check-in today prints its badge by itself; a reprint is always a person's decision
  document.addEventListener('confer:verdict', function (e) {
    var v = e.detail && e.detail.verdict;
    var link = document.getElementById('print-badge');
    if (autoPrint && autoPrint.checked && link && v && v.getAttribute && v.getAttribute('data-result') === 'CHECKED_IN') {
      printBadge(link);
    }
  });
  window.addEventListener('afterprint', function () { document.documentElement.classList.remove('printing-badge'); });
  function printBadge(link) {
    var layout = document.getElementById('badge-print');
    if (!layout) { return; }
    var sheet = document.getElementById('badge-sheet');
    if (!sheet) {
      sheet = document.createElement('div');
      sheet.id = 'badge-sheet';
      sheet.setAttribute('aria-hidden', 'true');
      document.body.appendChild(sheet);
    }
    sheet.innerHTML = layout.innerHTML;
    sheet.setAttribute('data-registration', layout.getAttribute('data-registration') || '');
    var body = new URLSearchParams();
    body.set('print', window.ConferFloor.uuid());
    var logged = fetch(link.getAttribute('data-log-url'), {
      method: 'POST', credentials: 'same-origin', body: body,
      headers: { 'X-CSRF-TOKEN': window.ConferFloor.csrf() }
    }).then(function (r) { return r.ok; }, function () { return false; }); // offline: printed, not logged
    // the log is asked first, but the badge never waits more than a second for it
    Promise.race([logged, new Promise(function (done) { setTimeout(done, 1000); })]).then(function () {
      document.documentElement.classList.add('printing-badge');
      window.print();
    });
  }

  // ---- Web NFC (Chrome on Android): the badge's serial number fills the UID field
  function showNfcReader() {
    var button = document.getElementById('read-nfc');
    if (button && 'NDEFReader' in window) { button.hidden = false; }
  }
  showNfcReader();
  document.addEventListener('click', function (e) {
    if (!e.target || e.target.id !== 'read-nfc') { return; }
    var field = document.getElementById('nfc-uid');
    var hint = document.getElementById('nfc-hint');
    try {
      var reader = new window.NDEFReader();
      var controller = new AbortController();
      reader.addEventListener('reading', function (event) {
        field.value = event.serialNumber || '';
        controller.abort();
        field.focus();
      }, { once: true });
      reader.scan({ signal: controller.signal }).then(function () {
        if (hint) { hint.textContent = e.target.getAttribute('data-reading') || hint.textContent; }
      }, function () {
        if (hint) { hint.textContent = e.target.getAttribute('data-unavailable') || hint.textContent; }
      });
    } catch (err) {
      if (hint) { hint.textContent = e.target.getAttribute('data-unavailable') || hint.textContent; }
    }
  });

})();
