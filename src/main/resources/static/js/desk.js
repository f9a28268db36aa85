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
    var floor = window.ConferFloor;
    var print = { id: floor.uuid(), url: link.getAttribute('data-log-url'), at: new Date().toISOString() };
    var body = new URLSearchParams();
    body.set('print', print.id);
    // offline (or no answer): queued with the same id and logged when the desk syncs (floor-offline.js)
    var later = function () { return floor.queuePrint ? floor.queuePrint(print).then(function () { return false; }, function () { return false; }) : false; };
    var logged = !navigator.onLine ? later() : fetch(print.url, {
      method: 'POST', credentials: 'same-origin', body: body,
      headers: { 'X-CSRF-TOKEN': floor.csrf() }
    }).then(function (r) { return r.status >= 500 ? later() : r.ok; }, later);
    // the log is asked first, but the badge never waits more than a second for it
    Promise.race([logged, new Promise(function (done) { setTimeout(done, 1000); })]).then(function () {
      document.documentElement.classList.add('printing-badge');
      window.print();
    });
  }

  // ---- offline: the verdict floor-offline.js made gets the badge's print layout, the QR drawn here from the scanned
  // ticket (ZXing's encoder from the camera's WebJar, cached by the service worker; error correction M and a 4-module
  // quiet zone, as the server's badge). An NFC scan brings no ticket: that badge prints without its QR.
  window.ConferFloor.badge = function (verdict, badge) {
    var template = document.getElementById('offline-badge');
    if (!template) { return verdict; }
    var wrap = document.createElement('div');
    wrap.className = 'stack';
    wrap.appendChild(verdict);
    var after = template.content.firstElementChild.cloneNode(true);
    var link = after.querySelector('#print-badge');
    link.textContent = link.getAttribute(badge.reprint ? 'data-reprint-text' : 'data-print-text');
    link.setAttribute('data-reprint', String(!!badge.reprint));
    link.setAttribute('data-log-url', document.getElementById('scan-form').getAttribute('action')
      .replace(/\/scan$/, '/badges/' + encodeURIComponent(badge.registration) + '/prints'));
    var layout = after.querySelector('#badge-print');
    layout.setAttribute('data-registration', badge.registration);
    layout.querySelector('.badge-name').textContent = badge.name || '';
    var company = layout.querySelector('.badge-company');
    if (badge.company) { company.textContent = badge.company; } else { company.remove(); }
    var svg = layout.querySelector('.badge-qr');
    return (badge.ticket ? qrPath(badge.ticket) : Promise.resolve(null)).then(function (qr) {
      if (qr) {
        svg.setAttribute('viewBox', '0 0 ' + qr.modules + ' ' + qr.modules);
        svg.querySelector('path').setAttribute('d', qr.path);
      } else {
        svg.remove();
      }
      wrap.appendChild(after);
      return wrap;
    });
  };
  function loadZxing() {
    if (window.ZXing) { return Promise.resolve(); }
    var from = document.querySelector('[data-zxing]');
    if (!from) { return Promise.reject(new Error('no QR library on this page')); }
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = from.getAttribute('data-zxing');
      s.onload = resolve;
      s.onerror = reject;
      document.head.appendChild(s);
    });
  }
  /** The QR code of a text as one SVG path of dark modules (the same shape as the server's BadgeSheet). */
  function qrPath(text) {
    return loadZxing().then(function () {
      var Z = window.ZXing;
      var matrix = readableMatrix(Z, text);
      var quiet = 4;
      var size = matrix.getWidth();
      var path = [];
      for (var y = 0; y < size; y++) {
        for (var x = 0; x < size;) {
          if (matrix.get(x, y) !== 1) { x++; continue; }
          var run = 1;
          while (x + run < size && matrix.get(x + run, y) === 1) { run++; }
          path.push('M' + (x + quiet) + ' ' + (y + quiet) + 'h' + run + 'v1h-' + run + 'z');
          x += run;
        }
      }
      return { modules: size + 2 * quiet, path: path.join('') };
    }).catch(function (err) { console.warn('Confer: the badge QR could not be drawn', err); return null; });
  }

  /**
   * The code's modules, with the mask the QR penalty rules choose unless ZXing's reader (what a camera page runs on
   * Safari and Firefox) then misses it at some size: about 1 % of tickets. Such a ticket gets the first other mask
   * the reader finds at 2 to 6 pixels a module, as the server's TicketQr does (its text and error correction stay).
   */
  function readableMatrix(Z, text) {
    var encoder = Z.QRCodeEncoder;
    var code = encoder.encode(text, Z.QRCodeDecoderErrorCorrectionLevel.M);
    var usual = code.getMaskPattern();
    var choose = encoder.chooseMaskPattern; // this ZXing port takes no mask hint: its choice is lent a fixed one
    for (var mask = 0; mask < 8 && !foundAtEverySize(Z, code.getMatrix(), text); mask++) {
      if (mask === usual) { continue; }
      encoder.chooseMaskPattern = function () { return mask; };
      try { code = encoder.encode(text, Z.QRCodeDecoderErrorCorrectionLevel.M); } finally { encoder.chooseMaskPattern = choose; }
    }
    return code.getMatrix();
  }
  function foundAtEverySize(Z, matrix, text) {
    var quiet = 4;
    for (var scale = 2; scale <= 6; scale++) {
      var width = (matrix.getWidth() + 2 * quiet) * scale;
      var light = new Uint8ClampedArray(width * width).fill(255);
      for (var y = 0; y < matrix.getHeight(); y++) {
        for (var x = 0; x < matrix.getWidth(); x++) {
          if (matrix.get(x, y) !== 1) { continue; }
          for (var line = 0; line < scale; line++) {
            var from = ((y + quiet) * scale + line) * width + (x + quiet) * scale;
            light.fill(0, from, from + scale);
          }
        }
      }
      try {
        var bitmap = new Z.BinaryBitmap(new Z.HybridBinarizer(new Z.RGBLuminanceSource(light, width, width)));
        if (new Z.QRCodeReader().decode(bitmap).getText() !== text) { return false; }
      } catch (err) {
        return false; // not found at this size
      }
    }
    return true;
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
