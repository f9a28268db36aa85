// The camera on every floor page (desk, door, booth): continuous scanning until stopped, the same code
// ignored for 3 s, a torch where the device has one. BarcodeDetector where the browser has it, else ZXing,
// loaded only when the camera starts. The decode loop is a plain setTimeout chain that reschedules itself
// in every outcome (a frame with no code, a decoder that throws, a decode that never settles, a video that
// paused): it cannot die while the camera is wanted. Hidden pages release the camera and take it back
// when shown again.
window.ConferCamera = (function () {
  'use strict';
  var REPEAT_MS = 3000;   // the same code within this time is the same person still holding it up
  var LOOK_MS = 150;      // pause between two frames
  var DECODE_LIMIT_MS = 1500; // a decode that has not answered by then is abandoned

  function attach(root, onCode) {
    var startButton = root.querySelector('[data-camera-start]');
    var stopButton = root.querySelector('[data-camera-stop]');
    var torchButton = root.querySelector('[data-camera-torch]');
    var box = root.querySelector('[data-camera-box]');
    var video = root.querySelector('video');
    var status = root.querySelector('[data-camera-status]');
    if (!startButton || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) { return null; }
    startButton.hidden = false;
    var wanted = false;   // the worker switched the camera on and has not switched it off
    var stream = null;
    var timer = null;
    var decode = null;
    var torchOn = false;
    var last = { text: null, at: 0 };
    var generation = 0;   // each start gets its own loop; an old loop notices and ends
    var frames = 0;       // frames looked at since the page opened (data-frames: what a stalled camera was doing)

    function say(key) { status.textContent = startButton.getAttribute(key) || ''; }

    function release() {
      generation++;
      if (timer) { clearTimeout(timer); timer = null; }
      if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); stream = null; }
      video.srcObject = null;
      torchOn = false;
      if (torchButton) { torchButton.hidden = true; torchButton.setAttribute('aria-pressed', 'false'); }
    }

    function stop() {
      wanted = false;
      release();
      box.hidden = true;
      startButton.hidden = false;
      root.setAttribute('data-camera', 'off');
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

    function makeDecoder() {
      if (decode) { return Promise.resolve(decode); }
      if ('BarcodeDetector' in window) {
        var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
        decode = function (source) {
          return detector.detect(source).then(function (codes) { return codes.length ? codes[0].rawValue : null; });
        };
        return Promise.resolve(decode);
      }
      return loadZxing().then(function () {
        var canvas = document.createElement('canvas');
        var context = canvas.getContext('2d', { willReadFrequently: true });
        var reader = new window.ZXing.QRCodeReader();
        decode = function (source) {
          if (!source.videoWidth || source.readyState < 2) { return Promise.resolve(null); }
          canvas.width = source.videoWidth;
          canvas.height = source.videoHeight;
          context.drawImage(source, 0, 0);
          try {
            var bitmap = new window.ZXing.BinaryBitmap(new window.ZXing.HybridBinarizer(
              new window.ZXing.HTMLCanvasElementLuminanceSource(canvas)));
            return Promise.resolve(reader.decode(bitmap).getText());
          } catch (err) {
            return Promise.resolve(null); // no code in this frame
          }
        };
        return decode;
      });
    }

    /** One frame, answered within DECODE_LIMIT_MS whatever the decoder does. */
    function lookOnce() {
      return new Promise(function (resolve) {
        var done = false;
        var limit = setTimeout(function () { if (!done) { done = true; resolve(null); } }, DECODE_LIMIT_MS);
        function finish(text) { if (!done) { done = true; clearTimeout(limit); resolve(text); } }
        try {
          if (video.paused && video.srcObject) {
            var playing = video.play();
            if (playing && playing.catch) { playing.catch(function () {}); }
          }
          decode(video).then(finish, function () { finish(null); });
        } catch (err) {
          finish(null);
        }
      });
    }

    function loop(mine) {
      if (mine !== generation || !stream) { return; }
      lookOnce().then(function (text) {
        if (mine !== generation) { return; }
        frames++;
        if (frames % 10 === 1) { root.setAttribute('data-frames', String(frames)); }
        if (text) {
          var now = Date.now();
          if (text !== last.text || now - last.at > REPEAT_MS) {
            try { onCode(text); } catch (err) { /* the page shows its own errors; scanning goes on */ }
          }
          last = { text: text, at: now };
        }
      }).then(function () {
        if (mine === generation) { timer = setTimeout(function () { loop(mine); }, LOOK_MS); }
      });
    }

    function showTorch() {
      if (!torchButton || !stream) { return; }
      var track = stream.getVideoTracks()[0];
      var capabilities = track && track.getCapabilities ? track.getCapabilities() : {};
      torchButton.hidden = !capabilities.torch;
    }

    function start() {
      wanted = true;
      release();
      var mine = generation;
      root.setAttribute('data-camera', 'starting');
      say('data-looking');
      if (stopButton) { stopButton.hidden = false; }
      box.hidden = false;
      startButton.hidden = true;
      // the picture in view: the worker aims by it, and a browser may pause a muted video it cannot see
      if (box.scrollIntoView) { box.scrollIntoView({ block: 'nearest' }); }
      navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false })
        .then(function (s) {
          if (mine !== generation || !wanted) { s.getTracks().forEach(function (t) { t.stop(); }); return null; }
          stream = s;
          video.srcObject = s;
          var playing = video.play();
          if (playing && playing.catch) { playing.catch(function () {}); } // lookOnce plays it again when needed
          showTorch();
          return makeDecoder().then(function () {
            if (mine !== generation) { return; }
            root.setAttribute('data-camera', 'scanning');
            loop(mine);
          });
        })
        .catch(function () {
          release();
          wanted = false;
          say('data-denied');
          root.setAttribute('data-camera', 'denied');
          if (stopButton) { stopButton.hidden = true; }
          startButton.hidden = false;
        });
    }

    startButton.addEventListener('click', start);
    if (stopButton) { stopButton.addEventListener('click', stop); }
    if (torchButton) {
      torchButton.addEventListener('click', function () {
        var track = stream && stream.getVideoTracks()[0];
        if (!track) { return; }
        torchOn = !torchOn;
        track.applyConstraints({ advanced: [{ torch: torchOn }] }).catch(function () { torchOn = false; });
        torchButton.setAttribute('aria-pressed', torchOn ? 'true' : 'false');
      });
    }
    window.addEventListener('pagehide', stop);
    // a hidden page gives the camera back (battery, other apps) and takes it again when shown
    document.addEventListener('visibilitychange', function () {
      if (document.hidden) { if (wanted) { release(); } } else if (wanted && !stream) { start(); }
    });
    return { start: start, stop: stop };
  }

  return { attach: attach };
})();
