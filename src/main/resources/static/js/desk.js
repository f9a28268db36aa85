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

  // ---- print the badge: load the PDF into a hidden frame and print it; without JS the link opens it
  document.addEventListener('click', function (e) {
    var link = e.target.closest && e.target.closest('a[data-print]');
    if (!link) { return; }
    e.preventDefault();
    var old = document.getElementById('badge-frame');
    if (old) { old.remove(); }
    var frame = document.createElement('iframe');
    frame.id = 'badge-frame';
    frame.className = 'print-frame';
    frame.setAttribute('aria-hidden', 'true');
    frame.addEventListener('load', function () {
      try { frame.contentWindow.focus(); frame.contentWindow.print(); } catch (err) { window.open(link.href, '_blank'); }
    });
    frame.src = link.href;
    document.body.appendChild(frame);
  });

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
