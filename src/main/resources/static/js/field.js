// The phone pages of 结对走访 (/field/): installable (a web app manifest and a service worker), and a
// visit form that works without signal. A visit is first kept on the phone (IndexedDB) with its
// photos, the time and place it was recorded and its idempotency key; the queue is shown on the
// page and sent when the network is there — each visit once: the server answers a resend of the
// same key with the visit it already made. No inline script: the page's data are data-* attributes.
(function () {
  'use strict';

  var DB_NAME = 'zhutui-field';
  var STORE = 'visits';
  var syncing = false;
  var carried = [];          // photos of a queued visit taken back into the form to be corrected
  var position = null;

  // ------------------------------------------------------------------ install as an app

  function install() {
    if (!document.querySelector('link[rel=manifest]')) {
      var link = document.createElement('link');
      link.rel = 'manifest';
      link.href = '/field/manifest.webmanifest';
      link.crossOrigin = 'use-credentials';
      document.head.appendChild(link);
      var theme = document.createElement('meta');
      theme.name = 'theme-color';
      theme.content = '#b71c1c';
      document.head.appendChild(theme);
    }
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('/field/sw.js', {scope: '/field/'}).catch(function () { /* works online without it */ });
    }
  }

  // ------------------------------------------------------------------ IndexedDB

  function open() {
    return new Promise(function (resolve, reject) {
      var req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = function () { req.result.createObjectStore(STORE, {keyPath: 'key'}); };
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }

  function tx(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(STORE, mode);
        var result = work(t.objectStore(STORE));
        t.oncomplete = function () { db.close(); resolve(result && result.result !== undefined ? result.result : result); };
        t.onerror = function () { db.close(); reject(t.error); };
        t.onabort = function () { db.close(); reject(t.error); };
      });
    });
  }

  function put(rec) { return tx('readwrite', function (s) { s.put(rec); }); }
  function remove(key) { return tx('readwrite', function (s) { s.delete(key); }); }
  function all() {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var req = db.transaction(STORE, 'readonly').objectStore(STORE).getAll();
        req.onsuccess = function () { db.close(); resolve(req.result.sort(function (a, b) { return a.savedAt < b.savedAt ? -1 : 1; })); };
        req.onerror = function () { db.close(); reject(req.error); };
      });
    });
  }

  // ------------------------------------------------------------------ the queue on the page

  function queueEl() { return document.getElementById('visit-queue'); }

  function text(key, n) {
    var el = queueEl();
    var s = el ? el.dataset[key] || '' : '';
    return n === undefined ? s : s.replace('{0}', n);
  }

  function render() {
    var list = queueEl();
    if (!list) { return Promise.resolve(); }
    return all().then(function (recs) {
      var card = document.getElementById('queue-card');
      card.classList.toggle('d-none', recs.length === 0);
      document.getElementById('queue-count').textContent = String(recs.length);
      list.innerHTML = '';
      recs.forEach(function (rec) {
        var li = document.createElement('li');
        li.className = 'list-group-item small queued-visit';
        li.dataset.key = rec.key;
        var title = document.createElement('div');
        title.className = 'd-flex justify-content-between';
        var label = document.createElement('span');
        label.textContent = rec.label + ' · ' + rec.visitDate + (rec.files.length ? ' · ' + text('photos', rec.files.length) : '');
        var state = document.createElement('span');
        state.className = 'badge ' + (rec.status === 'rejected' ? 'bg-danger' : rec.status === 'login' ? 'bg-secondary' : 'bg-warning text-dark');
        state.textContent = text(rec.status === 'rejected' ? 'rejected' : rec.status === 'login' ? 'login' : 'waiting');
        title.append(label, state);
        li.appendChild(title);
        var when = document.createElement('div');
        when.className = 'text-muted';
        when.textContent = new Date(rec.savedAt).toLocaleString('zh-CN', {hour12: false});
        li.appendChild(when);
        (rec.errors || []).forEach(function (e) {
          var err = document.createElement('div');
          err.className = 'text-danger';
          err.textContent = e;
          li.appendChild(err);
        });
        if (rec.status === 'rejected') {
          var fix = document.createElement('button');
          fix.type = 'button';
          fix.className = 'btn btn-link btn-sm p-0 me-3';
          fix.dataset.fixVisit = rec.key;
          fix.textContent = text('fix');
          var discard = document.createElement('button');
          discard.type = 'button';
          discard.className = 'btn btn-link btn-sm p-0 text-danger';
          discard.dataset.discardVisit = rec.key;
          discard.textContent = text('discard');
          li.append(fix, discard);
        }
        list.appendChild(li);
      });
    });
  }

  function net() {
    var el = document.getElementById('net-status');
    if (el) { el.textContent = navigator.onLine ? el.dataset.online : el.dataset.offline; }
  }

  // ------------------------------------------------------------------ sending

  function csrf() {
    try { return JSON.parse(document.body.getAttribute('hx-headers'))['X-CSRF-TOKEN']; } catch (e) { return ''; }
  }

  function body(rec) {
    var fd = new FormData();
    rec.fields.forEach(function (f) { fd.append(f[0], f[1]); });
    rec.files.forEach(function (f) { fd.append('photos', f.blob, f.name); });
    fd.append('offline', rec.offline ? 'true' : 'false');
    return fd;
  }

  /** Sends one visit; resolves to 'sent' (with the answer), 'rejected', 'login' or 'later'. */
  function send(rec) {
    var form = document.querySelector('[data-visit-form]');
    var url = form ? form.dataset.sendUrl : '/field/visits.json';
    return fetch(url, {method: 'POST', body: body(rec), credentials: 'same-origin', redirect: 'manual',
      headers: {'X-CSRF-TOKEN': csrf(), 'Accept': 'application/json'}})
      .then(function (res) {
        if (res.type === 'opaqueredirect' || res.status === 401 || res.status === 403) { return {state: 'login'}; }
        if (res.status === 200 || res.status === 201) { return res.json().then(function (j) { return {state: 'sent', answer: j}; }); }
        if (res.status >= 400 && res.status < 500) {
          return res.json().then(function (p) {
            var errors = (p.errors || []).map(function (e) { return e.message; });
            return {state: 'rejected', problem: p, errors: errors.length ? errors : [p.detail]};
          }, function () { return {state: 'rejected', errors: [String(res.status)]}; });
        }
        return {state: 'later'};
      }, function () { return {state: 'later'}; });
  }

  function sync() {
    if (syncing || !navigator.onLine) { return Promise.resolve(); }
    syncing = true;
    return all().then(function (recs) {
      var pending = recs.filter(function (r) { return r.status !== 'rejected'; });
      var chain = Promise.resolve(true);
      pending.forEach(function (rec) {
        chain = chain.then(function (go) {
          if (!go) { return false; }
          return send(rec).then(function (out) {
            if (out.state === 'sent') { note('sent', out.answer); return remove(rec.key).then(function () { return true; }); }
            if (out.state === 'rejected') { rec.status = 'rejected'; rec.errors = out.errors; return put(rec).then(function () { return true; }); }
            if (out.state === 'login') { rec.status = 'login'; return put(rec).then(function () { return false; }); }
            return false;
          });
        });
      });
      return chain;
    }).then(render, render).then(function () { syncing = false; }, function () { syncing = false; });
  }

  function note(kind, answer) {
    var el = document.getElementById('save-status');
    var form = document.querySelector('[data-visit-form]');
    if (!el || !form) { return; }
    el.className = 'alert ' + (kind === 'sent' ? 'alert-success' : 'alert-info');
    el.textContent = kind === 'sent' ? form.dataset.sent : form.dataset.saved;
    if (answer && answer.url) {
      var a = document.createElement('a');
      a.href = answer.url;
      a.className = 'ms-2';
      a.id = 'sent-visit';
      a.textContent = '#' + answer.id;
      el.appendChild(a);
    }
  }

  // ------------------------------------------------------------------ the form

  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return 'v' + Date.now() + '-' + Math.random().toString(16).slice(2);
  }

  function selected(form) {
    var select = form.querySelector('[name=pairingId]');
    return select ? select.options[select.selectedIndex] : null;
  }

  function showFor(form) {
    var option = selected(form);
    var id = option ? option.value : '';
    form.querySelectorAll('[data-duty-group]').forEach(function (g) {
      var on = g.dataset.pairing === id;
      g.hidden = !on;
      g.disabled = !on;
    });
    var goals = form.querySelector('[data-household-only]');
    if (goals) {
      var household = option && option.dataset.household === 'true';
      goals.hidden = !household;
      goals.querySelectorAll('select').forEach(function (s) { s.disabled = !household; });
    }
    var ledger = form.querySelector('[name=recordLedger]');
    var box = document.getElementById('ledger-fields');
    if (ledger && box) { box.hidden = !ledger.checked; }
    var type = form.querySelector('[data-task-type-select]');
    form.querySelectorAll('[data-task-values]').forEach(function (g) {
      var on = type && g.dataset.taskType === type.value && ledger && ledger.checked;
      g.hidden = !on;
      g.querySelectorAll('input').forEach(function (i) { i.disabled = !on; });
    });
  }

  function clearErrors(form) {
    form.querySelectorAll('.is-invalid').forEach(function (el) { el.classList.remove('is-invalid'); });
    form.querySelectorAll('.js-error').forEach(function (el) { el.remove(); });
  }

  function showErrors(form, problem, errors) {
    clearErrors(form);
    var shown = false;
    (problem && problem.errors || []).forEach(function (e) {
      var el = e.field ? form.querySelector('[name="' + e.field + '"]') : null;
      if (el && el.type !== 'hidden') {
        el.classList.add('is-invalid');
        var fb = document.createElement('div');
        fb.className = 'invalid-feedback d-block js-error';
        fb.textContent = e.message;
        el.insertAdjacentElement('afterend', fb);
        shown = true;
      }
    });
    var box = document.getElementById('save-status');
    box.className = 'alert alert-danger';
    box.textContent = shown ? (problem.detail || errors[0]) : errors.join('；');
  }

  function record(form) {
    var now = new Date();
    form.querySelector('[name=recordedAt]').value = now.toISOString();
    if (position) {
      form.querySelector('[name=latitude]').value = position.coords.latitude.toFixed(6);
      form.querySelector('[name=longitude]').value = position.coords.longitude.toFixed(6);
    }
    var fd = new FormData(form);
    var rec = {key: fd.get('idempotencyKey'), savedAt: now.toISOString(), status: 'waiting', offline: !navigator.onLine,
      label: (selected(form) && selected(form).dataset.label) || '', visitDate: fd.get('visitDate') || '', fields: [], files: []};
    fd.forEach(function (value, name) {
      if (value instanceof File) {
        if (value.size > 0) { rec.files.push({name: value.name, blob: value}); }
      } else {
        rec.fields.push([name, value]);
      }
    });
    carried.forEach(function (f) { rec.files.push(f); });
    return rec;
  }

  function reset(form) {
    var key = form.querySelector('[name=idempotencyKey]');
    var pairing = form.querySelector('[name=pairingId]').value;
    var date = form.querySelector('[name=visitDate]').value;
    form.reset();
    form.querySelector('[name=pairingId]').value = pairing;
    form.querySelector('[name=visitDate]').value = date;
    key.value = uuid();
    carried = [];
    clearErrors(form);
    showFor(form);
  }

  function submit(e) {
    var form = e.target.closest('[data-visit-form]');
    if (!form || !window.indexedDB) { return; }
    e.preventDefault();
    var button = form.querySelector('[type=submit]');
    button.disabled = true;
    var rec = record(form);
    put(rec).then(function () {
      if (!navigator.onLine) {
        reset(form);
        note('saved');
        return render();
      }
      syncing = true;
      return send(rec).then(function (out) {
        syncing = false;
        if (out.state === 'sent') {
          return remove(rec.key).then(function () { reset(form); note('sent', out.answer); });
        }
        if (out.state === 'rejected') {
          // what was typed stays in the form, to be corrected and sent again with the same key
          return remove(rec.key).then(function () { showErrors(form, out.problem, out.errors); });
        }
        if (out.state === 'login') { rec.status = 'login'; return put(rec).then(function () { reset(form); note('saved'); }); }
        reset(form);
        note('saved');
      });
    }).then(render, function (err) {
      syncing = false;
      var box = document.getElementById('save-status');
      box.className = 'alert alert-danger';
      box.textContent = String(err);
    }).then(function () { button.disabled = false; });
  }

  /** Takes a refused visit back into the form (same key, its photos carried along). */
  function fix(key) {
    var form = document.querySelector('[data-visit-form]');
    if (!form) { window.location.href = '/field/visit?fix=' + encodeURIComponent(key); return; }
    all().then(function (recs) {
      var rec = recs.filter(function (r) { return r.key === key; })[0];
      if (!rec) { return; }
      form.reset();
      form.querySelectorAll('[name=dutyItemIds]').forEach(function (c) { c.checked = false; });
      rec.fields.forEach(function (f) {
        var els = form.querySelectorAll('[name="' + f[0] + '"]');
        els.forEach(function (el) {
          if (el.type === 'checkbox' || el.type === 'radio') { if (el.value === f[1]) { el.checked = true; } }
          else { el.value = f[1]; }
        });
      });
      carried = rec.files;
      showFor(form);
      var box = document.getElementById('save-status');
      box.className = 'alert alert-warning';
      box.textContent = (rec.errors || []).join('；');
      return remove(key).then(render);
    });
  }

  // ------------------------------------------------------------------ wiring

  document.addEventListener('submit', submit);
  document.addEventListener('change', function (e) {
    var form = e.target.closest('[data-visit-form]');
    if (form) { showFor(form); }
  });
  document.addEventListener('click', function (e) {
    var f = e.target.closest('[data-fix-visit]');
    if (f) { fix(f.dataset.fixVisit); }
    var d = e.target.closest('[data-discard-visit]');
    if (d && window.confirm(text('discardConfirm'))) { remove(d.dataset.discardVisit).then(render); }
  });
  window.addEventListener('online', function () { net(); sync(); });
  window.addEventListener('offline', net);

  document.addEventListener('DOMContentLoaded', function () {
    install();
    net();
    var form = document.querySelector('[data-visit-form]');
    if (form) {
      showFor(form);
      var params = new URLSearchParams(window.location.search);
      var pairing = params.get('pairing');
      var select = form.querySelector('[name=pairingId]');
      if (pairing && select && select.querySelector('option[value="' + pairing + '"]')) { select.value = pairing; showFor(form); }
      if (params.get('fix')) { fix(params.get('fix')); }
      if (navigator.geolocation) {
        navigator.geolocation.getCurrentPosition(function (pos) {
          position = pos;
          var noteEl = document.getElementById('location-note');
          if (noteEl) { noteEl.classList.remove('d-none'); }
        }, function () { /* saved without a position */ }, {timeout: 8000, maximumAge: 600000});
      }
    }
    if (window.indexedDB) {
      render().then(sync);
      window.setInterval(sync, 20000);
    }
  });
}());
