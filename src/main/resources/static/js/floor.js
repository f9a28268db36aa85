// Desk, door and booth: every scan gets a verdict of its own. The previous verdict goes the moment a
// scan is sent, a pending state shows, and then comes the server's answer for THAT scan or an error that
// says what to do (sign in again, check the network, try again); an answer that arrives after a newer scan
// was sent is dropped. The field is emptied and focused at once, so the next USB scan starts clean.
window.ConferFloor = (function () {
  'use strict';
  var TIMEOUT_MS = 4000;
  var texts = document.getElementById('floor-texts');
  var form = document.querySelector('form[data-floor-scan]');
  var sequence = 0;
  var handlers = []; // offline mode and others: (text, scan) => true when they answered the scan themselves

  function text(name, arg) {
    var value = (texts && texts.getAttribute('data-' + name)) || '';
    return arg === undefined ? value : value.replace('{0}', arg);
  }

  function csrf() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : '';
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function target(of) {
    var id = (of && of.getAttribute('data-floor-target')) || (form && form.getAttribute('data-floor-target'));
    return document.getElementById(id || 'answer');
  }

  /** A verdict built here (pending, errors, offline answers); words in the page's language. */
  function verdict(result, css, title, lines, link) {
    var box = document.createElement('div');
    box.id = 'verdict';
    box.className = 'verdict ' + css + (form && form.hasAttribute('data-floor-big') ? ' full' : '');
    box.setAttribute('data-result', result);
    var h = document.createElement('h2');
    h.textContent = title;
    box.appendChild(h);
    (lines || []).forEach(function (line) {
      if (!line) { return; }
      var p = document.createElement('p');
      if (typeof line === 'object') { p.className = line.css; p.textContent = line.text; } else { p.textContent = line; }
      box.appendChild(p);
    });
    if (link) {
      var p = document.createElement('p');
      var a = document.createElement('a');
      a.href = link.href;
      a.className = 'button';
      a.textContent = link.text;
      p.appendChild(a);
      box.appendChild(p);
    }
    return box;
  }

  function show(where, node) {
    where.replaceChildren(node);
  }

  /** The server's HTML answer: its out-of-band parts replace their namesakes, the rest fills the target. */
  function swapIn(where, html) {
    var t = document.createElement('template');
    t.innerHTML = html;
    Array.prototype.slice.call(t.content.querySelectorAll('[hx-swap-oob]')).forEach(function (el) {
      var old = el.id ? document.getElementById(el.id) : null;
      el.removeAttribute('hx-swap-oob');
      el.remove();
      if (old) {
        old.replaceWith(el);
        if (window.htmx) { window.htmx.process(el); }
      }
    });
    where.replaceChildren(t.content);
    if (window.htmx) { window.htmx.process(where); }
  }

  function signInLink() {
    return { href: '/login?next=' + encodeURIComponent(location.pathname + location.search), text: text('sign-in') };
  }

  function error(kind, status) {
    if (kind === 'sign-in') {
      return verdict('SIGN_IN', 'no', text('sign-in-title'), [text('sign-in-detail')], signInLink());
    }
    if (kind === 'network') {
      return verdict('NETWORK', 'no', text('network-title'), [text('network-detail')]);
    }
    return verdict('SERVER', 'no', text('server-title'), [text('server-detail', String(status))]);
  }

  // ---- what the worker feels and hears: a short buzz for yes, a long one for no; a beep if switched on
  var soundBox = document.getElementById('floor-sound');
  if (soundBox) {
    soundBox.checked = localStorage.getItem('confer-sound') === 'on';
    soundBox.addEventListener('change', function () { localStorage.setItem('confer-sound', soundBox.checked ? 'on' : 'off'); });
  }
  var audio = null;
  function feedback(node) {
    var css = node && node.className || '';
    var kind = /\bok\b/.test(css) ? 'ok' : /\bwarn\b/.test(css) ? 'warn' : /\bno\b/.test(css) ? 'no' : null;
    if (!kind) { return; }
    if (navigator.vibrate) {
      try { navigator.vibrate(kind === 'ok' ? 80 : kind === 'warn' ? [80, 60, 80] : [300, 100, 300]); } catch (err) { /* not allowed */ }
    }
    if (soundBox && soundBox.checked) {
      try {
        audio = audio || new (window.AudioContext || window.webkitAudioContext)();
        var osc = audio.createOscillator();
        var gain = audio.createGain();
        osc.frequency.value = kind === 'ok' ? 880 : kind === 'warn' ? 600 : 220;
        gain.gain.value = 0.15;
        osc.connect(gain); gain.connect(audio.destination);
        osc.start(); osc.stop(audio.currentTime + (kind === 'ok' ? 0.12 : 0.4));
      } catch (err) { /* no sound on this device */ }
    }
  }

  function answered(where, node) {
    var v = where.querySelector('#verdict') || node;
    feedback(v);
    document.dispatchEvent(new CustomEvent('confer:verdict', { detail: { verdict: v } }));
  }

  /**
   * Sends one action (a scan, or a check-in from the list) and shows its verdict. {@code body} are the
   * form fields; {@code scan} carries what the handlers of offline mode need.
   */
  function send(url, body, where, scan) {
    var mine = ++sequence;
    show(where, verdict('PENDING', 'pending', text('pending'), [text('pending-detail')]));
    for (var i = 0; i < handlers.length; i++) {
      var local = handlers[i].before && handlers[i].before(scan);
      if (local) {
        Promise.resolve(local).catch(function () { return error('network'); }).then(function (node) {
          if (mine === sequence) { show(where, node); answered(where, node); }
        });
        return;
      }
    }
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, TIMEOUT_MS);
    fetch(url, {
      method: 'POST', body: body, signal: controller.signal, credentials: 'same-origin', redirect: 'manual',
      headers: { 'X-CSRF-TOKEN': csrf(), 'HX-Request': 'true' }
    }).then(function (response) {
      if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403) {
        return { node: error('sign-in') };
      }
      if (!response.ok) { return { node: error('server', response.status) }; }
      return response.text().then(function (html) { return { html: html }; });
    }).catch(function (err) {
      for (var i = 0; i < handlers.length; i++) {
        var local = handlers[i].unreachable && handlers[i].unreachable(scan, err);
        if (local) {
          return Promise.resolve(local).then(function (node) { return { node: node }; }, function () { return { node: error('network') }; });
        }
      }
      return { node: error('network') };
    }).then(function (outcome) {
      clearTimeout(timer);
      if (mine !== sequence) { return; } // a newer scan owns the screen
      if (outcome.html !== undefined) {
        swapIn(where, outcome.html);
        for (var i = 0; i < handlers.length; i++) { if (handlers[i].after) { handlers[i].after(scan, where); } }
      } else {
        show(where, outcome.node);
      }
      answered(where, outcome.node);
    });
  }

  function scan(value) {
    if (!form) { return; }
    var field = form.querySelector('[data-keep-focus]');
    var body = new URLSearchParams(new FormData(form));
    var code = String(value).trim();
    body.set(field.name, code);
    var tapId = form.querySelector('input[name="tapId"]');
    var id = uuid();
    if (tapId) { body.set('tapId', id); tapId.value = id; }
    field.value = '';
    field.focus();
    send(form.action, body, target(form), { text: code, id: id, at: new Date().toISOString() });
  }

  if (form) {
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      scan(form.querySelector('[data-keep-focus]').value);
    });
  }
  // other actions that end in a verdict (check in from the search list): same pending state and errors
  document.addEventListener('submit', function (e) {
    var other = e.target;
    if (!other.hasAttribute || !other.hasAttribute('data-floor-send')) { return; }
    e.preventDefault();
    var where = target(other);
    send(other.action, new URLSearchParams(new FormData(other)), where, null);
    where.scrollIntoView({ block: 'nearest' });
    var field = form && form.querySelector('[data-keep-focus]');
    if (field) { field.focus(); }
  });

  var camera = document.querySelector('[data-camera]');
  if (camera && window.ConferCamera) { window.ConferCamera.attach(camera, scan); }

  return { scan: scan, send: send, verdict: verdict, text: text, uuid: uuid, csrf: csrf, use: function (h) { handlers.push(h); } };
})();
