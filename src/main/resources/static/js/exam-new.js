// The organizer's exam form: blueprint rows, and a live preview of what the banks can supply before saving.
(function () {
  'use strict';
  const root = document.getElementById('exam-form');
  const msg = (name) => root.getAttribute('data-msg-' + name) || name;
  const $ = (id) => document.getElementById(id);
  const tbody = document.querySelector('#sections tbody');
  let timer = null;

  function addRow() {
    const row = $('section-row').content.firstElementChild.cloneNode(true);
    row.querySelector('.s-remove').setAttribute('aria-label', msg('remove'));
    row.querySelector('.s-remove').addEventListener('click', () => { row.remove(); schedule(); });
    row.querySelectorAll('input, select').forEach((el) => el.addEventListener('input', schedule));
    fillCategories(row);
    tbody.appendChild(row);
    schedule();
  }

  function bankIds() {
    return Array.from(document.querySelectorAll('#banks input:checked')).map((i) => Number(i.value));
  }

  function sections() {
    return Array.from(tbody.rows).map((row) => {
      const s = { type: row.querySelector('.s-type').value, count: Number(row.querySelector('.s-count').value),
        pointsEach: Number(row.querySelector('.s-points').value) };
      const category = row.querySelector('.s-category').value;
      const difficulty = row.querySelector('.s-difficulty').value;
      if (category) s.category = category;
      if (difficulty) s.difficulty = Number(difficulty);
      return s;
    });
  }

  function bankShare() {
    const bank = $('shareBank').value;
    return bank ? { bankId: Number(bank), minPercent: Number($('sharePercent').value) } : null;
  }

  function showErrors(body) {
    const list = $('errors');
    list.replaceChildren();
    const errors = (body && body.errors) || [{ message: (body && body.detail) || msg('error') }];
    errors.forEach((e) => { const li = document.createElement('li'); li.textContent = e.message; list.appendChild(li); });
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(preview, 400);
  }

  async function preview() {
    const box = $('preview');
    if (bankIds().length === 0 || tbody.rows.length === 0) return;
    const r = await window.arena.api('POST', '/api/v1/papers/preview', { bankIds: bankIds(), sections: sections(), bankShare: bankShare() });
    const body = await r.json().catch(() => ({}));
    if (!r.ok) { box.className = 'alert alert-warning'; box.textContent = (body.errors || []).map((e) => e.message).join('；') || body.detail || msg('error'); return; }
    body.sections.forEach((s, i) => {
      const row = tbody.rows[i];
      if (!row) return;
      row.querySelector('.s-available').textContent = s.available;
      row.querySelector('.s-shortfall').textContent = s.shortfall > 0 ? s.shortfall : '';
      row.classList.toggle('table-danger', s.shortfall > 0);
    });
    let text = body.feasible ? msg('ok') : msg('short');
    text += ' · ' + msg('totals').replace('{0}', body.items).replace('{1}', body.totalPoints);
    if (body.share) {
      text += ' · ' + msg('share').replace('{0}', bankNames[body.share.bankId] || '').replace('{1}', body.share.required)
        .replace('{2}', body.share.supplied);
    }
    box.className = 'alert ' + (body.feasible ? 'alert-success' : 'alert-danger');
    box.textContent = text;
  }

  const bankNames = {};

  // The category pickers offer the categories of the banks chosen, from their category trees (a category includes
  // its subcategories), so a category is picked, never typed.
  let categories = [];
  async function loadCategories() {
    const paths = new Map();
    const walk = (nodes, depth) => nodes.forEach((n) => {
      paths.set(n.path, { path: n.path, label: '\u3000'.repeat(depth) + n.name, count: (paths.get(n.path)?.count || 0) + n.count });
      walk(n.children || [], depth + 1);
    });
    for (const id of bankIds()) {
      const r = await window.arena.api('GET', '/api/v1/banks/' + id + '/categories');
      const body = await r.json().catch(() => ({ items: [] }));
      walk(body.items || [], 0);
    }
    categories = Array.from(paths.values()).sort((a, b) => a.path.localeCompare(b.path, 'zh-CN'));
    Array.from(tbody.rows).forEach(fillCategories);
  }

  function fillCategories(row) {
    const select = row.querySelector('.s-category');
    const chosen = select.value;
    const any = document.createElement('option');
    any.value = '';
    any.textContent = msg('any-category');
    select.replaceChildren(any, ...categories.map((c) => {
      const option = document.createElement('option');
      option.value = c.path;
      option.textContent = c.label + ' · ' + msg('category-count').replace('{0}', c.count);
      return option;
    }));
    select.value = categories.some((c) => c.path === chosen) ? chosen : '';
  }

  async function loadBanks() {
    const r = await window.arena.api('GET', '/api/v1/banks');
    const body = await r.json().catch(() => ({ items: [] }));
    body.items.forEach((b) => {
      const label = document.createElement('label');
      label.className = 'form-check';
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.className = 'form-check-input';
      input.value = b.id;
      input.addEventListener('change', () => { loadCategories().then(schedule); });
      const span = document.createElement('span');
      span.className = 'form-check-label';
      span.textContent = b.name;
      bankNames[b.id] = b.name;
      label.append(input, span);
      $('banks').appendChild(label);
      const option = document.createElement('option');
      option.value = b.id;
      option.textContent = b.name;
      $('shareBank').appendChild(option);
    });
  }

  $('new-exam').addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { title: $('title').value, bankIds: bankIds(), windowStart: window.arena.instantInZone($('windowStart').value),
      windowEnd: window.arena.instantInZone($('windowEnd').value),
      durationMinutes: Number($('duration').value), variant: $('variant').value, shuffleQuestions: $('shuffleQuestions').checked,
      shuffleOptions: $('shuffleOptions').checked, sections: sections(), bankShare: bankShare(),
      multipleChoiceScoring: $('scoring').value, tieBreak: $('tieBreak').value || null };
    const r = await window.arena.api('POST', '/api/v1/exams', body);
    const answer = await r.json().catch(() => ({}));
    if (r.status === 201) {
      window.location.href = '/exams/' + answer.id;
    } else {
      showErrors(answer);
    }
  });
  $('add-section').addEventListener('click', addRow);
  ['shareBank', 'sharePercent'].forEach((id) => $(id).addEventListener('input', schedule));
  loadBanks();
  addRow();
})();
