// The desk: camera scanning, badge printing, Web NFC reading, and focus that follows the desk worker.
(function () {
  'use strict';
  var scanField = document.getElementById('scan');
  var scanForm = document.getElementById('scan-form');

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

  // ---- camera: the browser's BarcodeDetector, else ZXing loaded only now
  var startButton = document.getElementById('camera-start');
  var stopButton = document.getElementById('camera-stop');
  var box = document.getElementById('camera-box');
  var video = document.getElementById('camera');
  var status = document.getElementById('camera-status');
  var stream = null;
  var timer = null;
  if (!startButton || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { return; }
  startButton.hidden = false;

  function stopCamera() {
    if (timer) { clearTimeout(timer); timer = null; }
    if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); stream = null; }
    video.srcObject = null;
    box.hidden = true;
    startButton.hidden = false;
  }

  function loadZxing() {
    if (window.ZXing) { return Promise.resolve(); }
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = startButton.getAttribute('data-zxing');
      s.onload = resolve;
      s.onerror = reject;
      document.head.appendChild(s);
    });
  }

  function decoder() {
    if ('BarcodeDetector' in window) {
      var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      return Promise.resolve(function (source) {
        return detector.detect(source).then(function (codes) { return codes.length ? codes[0].rawValue : null; });
      });
    }
    return loadZxing().then(function () {
      var canvas = document.createElement('canvas');
      var reader = new window.ZXing.QRCodeReader();
      return function (source) {
        canvas.width = source.videoWidth;
        canvas.height = source.videoHeight;
        if (!canvas.width) { return Promise.resolve(null); }
        canvas.getContext('2d').drawImage(source, 0, 0);
        try {
          var bitmap = new window.ZXing.BinaryBitmap(new window.ZXing.HybridBinarizer(
            new window.ZXing.HTMLCanvasElementLuminanceSource(canvas)));
          return Promise.resolve(reader.decode(bitmap).getText());
        } catch (err) {
          return Promise.resolve(null); // no code in this frame
        }
      };
    });
  }

  function hit(text) {
    stopCamera();
    scanField.value = text;
    if (scanForm.requestSubmit) { scanForm.requestSubmit(); } else { scanForm.submit(); }
  }

  startButton.addEventListener('click', function () {
    stopButton.hidden = false;
    status.textContent = startButton.getAttribute('data-looking') || '';
    navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false })
      .then(function (s) {
        stream = s;
        video.srcObject = s;
        box.hidden = false;
        startButton.hidden = true;
        // frames are read whenever they come; a play() that never settles (a busy device) must not stall the scan
        var playing = video.play();
        if (playing && playing.catch) { playing.catch(function () {}); }
        return decoder();
      })
      .then(function (decode) {
        (function look() {
          if (!stream) { return; }
          decode(video).then(function (text) {
            if (text) { hit(text); } else if (stream) { timer = setTimeout(look, 200); }
          }, function () { if (stream) { timer = setTimeout(look, 200); } });
        })();
      })
      .catch(function () {
        stopCamera();
        status.textContent = startButton.getAttribute('data-denied') || '';
        box.hidden = false;
        stopButton.hidden = true;
      });
  });
  stopButton.addEventListener('click', stopCamera);
  window.addEventListener('pagehide', stopCamera);
  document.addEventListener('visibilitychange', function () { if (document.hidden) { stopCamera(); } });
})();
