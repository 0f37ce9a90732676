// The candidate's exam page. Every answer is saved as the candidate goes (PUT per item); an answer not yet
// acknowledged by the server stays in localStorage and is resent (on reload, when the browser comes back online, and
// on a timer) until the server says 204. Only the server's clock counts: the countdown runs on the server's time.
(function () {
  'use strict';
  const root = document.getElementById('sitting');
  const examId = root.dataset.examId;
  const clockOffset = Number(root.dataset.serverNow) - Date.now();
  const msg = (name) => root.getAttribute('data-msg-' + name) || name;
  const typeName = (type) => root.getAttribute('data-type-' + type.toLowerCase()) || type;
  const $ = (id) => document.getElementById(id);

  let attemptId = null;
  let deadline = 0;
  let items = [];
  let current = 0;
  let closed = false;
  const answers = {};          // no -> value in display keys (what the page shows)
  const itemState = {};        // no -> 'saved' | 'saving' | 'offline'
  const inFlight = {};         // no -> JSON text being sent
  let pendingKey, flagKey;

  // The page's calls go with a token taken once through the session: a call riding on the session cookie would make
  // the server read the stored session and write its last-access time, two more statements on every answer saved.
  let token = null;
  let asking = null;           // the token request under way, shared by calls made meanwhile
  function ensureToken() {
    if (token !== null) return Promise.resolve(token);
    if (asking === null) {
      asking = window.arena.api('POST', '/api/v1/auth/token')
        .then((r) => (r.status === 201 ? r.json() : null))
        .then((b) => { token = b ? b.token : null; return token; })
        .catch(() => null)  // offline: the call itself fails the same way and says so
        .finally(() => { asking = null; });
    }
    return asking;
  }
  async function call(method, url, body) {
    const held = await ensureToken();
    if (held === null) return window.arena.api(method, url, body);
    const r = await window.arena.bearer(held, method, url, body);
    if (r.status !== 401) return r;
    if (token === held) token = null;  // expired or revoked: the session decides
    return window.arena.api(method, url, body);
  }

  const readJson = (key, fallback) => { try { return JSON.parse(localStorage.getItem(key)) || fallback; } catch (e) { return fallback; } };
  const pending = () => readJson(pendingKey, {});
  const writePending = (p) => localStorage.setItem(pendingKey, JSON.stringify(p));
  const flags = () => readJson(flagKey, {});

  function answered(no) {
    const v = answers[no];
    if (v === undefined || v === null) return false;
    if (Array.isArray(v)) return v.some((x) => x !== null && String(x).trim() !== '');
    return typeof v === 'boolean' || String(v).trim() !== '';
  }

  function fail(text) {
    const box = $('load-error');
    box.textContent = text;
    box.classList.remove('d-none');
  }

  async function load() {
    let response;
    try {
      response = await call('POST', '/api/v1/exams/' + examId + '/attempt');
    } catch (e) {
      fail(msg('offline'));
      return;
    }
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      fail(body.detail || msg('error'));
      return;
    }
    attemptId = body.attemptId;
    deadline = Date.parse(body.deadline);
    items = body.items;
    pendingKey = 'arena.exam.' + attemptId + '.pending';
    flagKey = 'arena.exam.' + attemptId + '.flags';
    Object.assign(answers, body.answers);
    items.forEach((item) => { itemState[item.no] = 'saved'; });
    const unsent = pending();
    Object.keys(unsent).forEach((no) => { answers[no] = unsent[no]; itemState[no] = 'saving'; });
    const state = await call('GET', '/api/v1/attempts/' + attemptId).then((r) => r.json()).catch(() => null);
    if (state && state.status === 'SUBMITTED') {
      localStorage.removeItem(pendingKey);
      showSubmitted(state.submittedAt);
      return;
    }
    $('paper').classList.remove('d-none');
    buildNavigator();
    show(0);
    tick();
    setInterval(tick, 1000);
    setInterval(flush, 5000);
    // Also keeps the session alive while the candidate reads or thinks, and notices a submission made elsewhere.
    setInterval(checkState, 60000);
    window.addEventListener('online', flush);
    flush();
  }

  // The buttons are made once and only restyled afterwards. A tap on a number blurs the text box being typed in, whose
  // change event saves the answer; were the buttons rebuilt then, the button pressed would be replaced under the
  // finger between mousedown and mouseup and the click would be lost.
  function buildNavigator() {
    const nav = $('navigator');
    nav.replaceChildren();
    items.forEach((item, index) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = item.no;
      b.dataset.no = item.no;
      b.addEventListener('click', () => show(index));
      nav.appendChild(b);
    });
  }

  function renderNavigator() {
    const flagged = flags();
    $('navigator').querySelectorAll('button').forEach((b, index) => {
      const no = items[index].no;
      b.className = 'btn btn-sm nav-item-btn ' + (answered(no) ? 'btn-success' : 'btn-outline-secondary');
      b.classList.toggle('flagged', !!flagged[no]);
      b.classList.toggle('current', index === current);
      b.setAttribute('aria-label', no + (answered(no) ? ' ✓' : '') + (flagged[no] ? ' ⚑' : ''));
    });
    updateSaveState();
  }

  function show(index) {
    current = Math.max(0, Math.min(items.length - 1, index));
    const item = items[current];
    const body = $('item-body');
    body.replaceChildren();
    const head = document.createElement('div');
    head.className = 'd-flex justify-content-between small text-muted mb-2';
    const left = document.createElement('span');
    left.textContent = item.no + ' / ' + items.length + ' · ' + typeName(item.type);
    const right = document.createElement('span');
    right.textContent = msg('points').replace('{0}', item.points);
    head.append(left, right);
    const stem = document.createElement('p');
    stem.className = 'stem';
    stem.textContent = item.stem;
    body.append(head, stem, inputFor(item));
    const state = document.createElement('div');
    state.className = 'small item-save-state';
    state.id = 'item-state';
    body.appendChild(state);
    $('prev').disabled = current === 0;
    $('next').disabled = current === items.length - 1;
    $('flag').textContent = flags()[item.no] ? msg('unflag') : msg('flag');
    renderNavigator();
  }

  function choice(type, name, value, label, checked, onChange) {
    const wrap = document.createElement('label');
    wrap.className = 'form-check d-flex gap-2 align-items-start border rounded p-2 mb-2';
    const input = document.createElement('input');
    input.type = type;
    input.className = 'form-check-input ms-0 flex-shrink-0';
    input.name = name;
    input.value = value;
    input.checked = checked;
    input.disabled = closed;
    input.addEventListener('change', onChange);
    const span = document.createElement('span');
    span.textContent = label;
    wrap.append(input, span);
    return wrap;
  }

  // One renderer per question type (the page's half of the type's QuestionKind): it fills `box` with the answer widget
  // for `item`, showing `value` (in the keys shown), and calls `save` with the new value, or null to clear it.
  // A new type adds one entry here.
  function written(rows) {
    return (item, value, save, box) => {
      const area = document.createElement('textarea');
      area.className = 'form-control';
      area.rows = rows;
      area.maxLength = 20000;
      area.value = typeof value === 'string' ? value : '';
      area.disabled = closed;
      typed(area, () => save(area.value.trim() === '' ? null : area.value));
      box.appendChild(area);
    };
  }

  const renderers = {
    SINGLE_CHOICE(item, value, save, box) {
      item.options.forEach((o) => box.appendChild(choice('radio', 'q' + item.no, o.key, o.key + '. ' + o.text, value === o.key,
        () => save(o.key))));
    },
    MULTIPLE_CHOICE(item, value, save, box) {
      item.options.forEach((o) => box.appendChild(choice('checkbox', 'q' + item.no, o.key, o.key + '. ' + o.text,
        Array.isArray(value) && value.includes(o.key),
        () => save(Array.from(box.querySelectorAll('input:checked')).map((i) => i.value)))));
    },
    TRUE_FALSE(item, value, save, box) {
      box.appendChild(choice('radio', 'q' + item.no, 'true', msg('true'), value === true, () => save(true)));
      box.appendChild(choice('radio', 'q' + item.no, 'false', msg('false'), value === false, () => save(false)));
    },
    FILL_BLANK(item, value, save, box) {
      const inputs = [];
      for (let i = 0; i < item.blanks; i++) {
        const input = document.createElement('input');
        input.className = 'form-control mb-2';
        input.placeholder = msg('blank').replace('{0}', i + 1);
        input.setAttribute('aria-label', input.placeholder);
        input.value = Array.isArray(value) && value[i] != null ? value[i] : '';
        input.disabled = closed;
        inputs.push(input);
        box.appendChild(input);
      }
      const collect = () => inputs.map((i) => i.value);
      inputs.forEach((i) => typed(i, () => save(collect().some((t) => t.trim() !== '') ? collect() : null)));
    },
    SHORT_ANSWER: written(5),
    ESSAY: written(10)
  };

  function inputFor(item) {
    const box = document.createElement('div');
    box.className = 'answer';
    renderers[item.type](item, answers[item.no], (value) => save(item.no, value), box);
    return box;
  }

  // Text is saved shortly after the candidate stops typing, and at once when the field loses focus.
  function typed(input, commit) {
    let timer = null;
    input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(commit, 700); });
    input.addEventListener('change', () => { clearTimeout(timer); commit(); });
  }

  function save(no, value) {
    if (closed) return;
    answers[no] = value;
    const p = pending();
    p[no] = value;
    writePending(p);
    itemState[no] = 'saving';
    renderNavigator();
    flush();
  }

  async function flush() {
    if (closed || attemptId === null) return;
    const p = pending();
    await Promise.all(Object.keys(p).map(async (no) => {
      const text = JSON.stringify(p[no]);
      if (inFlight[no] === text) return;
      inFlight[no] = text;
      try {
        const r = await call('PUT', '/api/v1/attempts/' + attemptId + '/answers/' + no, { value: p[no] });
        if (r.status === 204 || r.status === 422) {
          // Acknowledged (or refused for good: resending cannot help); drop it unless the candidate changed it since.
          const now = pending();
          if (JSON.stringify(now[no]) === text) { delete now[no]; writePending(now); }
          itemState[no] = r.status === 204 ? 'saved' : 'error';
        } else if (r.status === 409) {
          closeAttempt();
        } else {
          itemState[no] = 'offline';
        }
      } catch (e) {
        itemState[no] = 'offline';
      } finally {
        delete inFlight[no];
      }
    }));
    updateSaveState();
    if (Object.keys(pending()).length > 0 && Object.values(itemState).every((s) => s !== 'offline')) {
      setTimeout(flush, 300);
    }
  }

  function updateSaveState() {
    const states = Object.values(itemState);
    const overall = states.includes('offline') ? 'offline' : (Object.keys(pending()).length > 0 ? 'saving' : 'saved');
    const box = $('save-state');
    box.textContent = msg(overall);
    box.className = 'small ' + (overall === 'offline' ? 'text-danger' : overall === 'saving' ? 'text-warning' : 'text-success');
    box.dataset.state = overall;
    const item = items[current];
    const itemBox = $('item-state');
    if (item && itemBox) {
      const s = itemState[item.no] || 'saved';
      itemBox.textContent = s === 'error' ? msg('error') : msg('item-' + s);
      itemBox.dataset.state = s;
    }
  }

  function format(ms) {
    const total = Math.max(0, Math.floor(ms / 1000));
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    const two = (n) => String(n).padStart(2, '0');
    return (h > 0 ? h + ':' : '') + two(m) + ':' + two(s);
  }

  function tick() {
    const left = deadline - (Date.now() + clockOffset);
    $('countdown').textContent = format(left);
    if (left <= 0 && !closed) closeAttempt();
  }

  async function checkState() {
    try {
      const r = await call('GET', '/api/v1/attempts/' + attemptId);
      if (!r.ok) return;
      const state = await r.json();
      if (state.status === 'SUBMITTED') {
        localStorage.removeItem(pendingKey);
        showSubmitted(state.submittedAt);
      }
    } catch (e) {
      // Offline: the save state already says so; the next check will tell.
    }
  }

  function closeAttempt() {
    if (!closed) setTimeout(checkState, 20000);
    closed = true;
    const box = $('time-up');
    box.textContent = msg('time-up');
    box.classList.remove('d-none');
    document.querySelectorAll('#item-body input, #item-body textarea, #submit').forEach((el) => { el.disabled = true; });
  }

  function showSubmitted(at) {
    closed = true;
    $('paper').classList.add('d-none');
    $('submitted').classList.remove('d-none');
    $('submitted-at').textContent = window.arena.shownTime(at);
    $('countdown').textContent = '--:--';
  }

  function openConfirm() {
    const missing = items.filter((i) => !answered(i.no)).map((i) => i.no);
    $('confirm-unanswered').textContent = missing.length === 0 ? msg('none-unanswered')
      : msg('unanswered').replace('{0}', missing.join('、'));
    window.bootstrap.Modal.getOrCreateInstance($('confirm')).show();
  }

  async function submit() {
    $('confirm-submit').disabled = true;
    await flush();
    try {
      const r = await call('POST', '/api/v1/attempts/' + attemptId + '/submit');
      const body = await r.json().catch(() => ({}));
      window.bootstrap.Modal.getOrCreateInstance($('confirm')).hide();
      if (r.ok) {
        localStorage.removeItem(pendingKey);
        showSubmitted(body.submittedAt);
      } else {
        fail(body.detail || msg('error'));
      }
    } catch (e) {
      fail(msg('offline'));
    } finally {
      $('confirm-submit').disabled = false;
    }
  }

  $('prev').addEventListener('click', () => show(current - 1));
  $('next').addEventListener('click', () => show(current + 1));
  $('flag').addEventListener('click', () => {
    const f = flags();
    const no = items[current].no;
    if (f[no]) delete f[no]; else f[no] = true;
    localStorage.setItem(flagKey, JSON.stringify(f));
    show(current);
  });
  $('submit').addEventListener('click', openConfirm);
  $('confirm-submit').addEventListener('click', submit);
  load();
})();
