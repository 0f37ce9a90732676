// Bank import page: as soon as a file is chosen, the server checks it without importing (the API's preview) and the
// page says how many questions it holds and which rows the bank already has, before the organizer presses 导入.
(function () {
  'use strict';
  const box = document.getElementById('import-preview');
  const input = document.getElementById('file');
  if (!box || !input) return;
  const msg = (name) => box.getAttribute('data-msg-' + name) || name;
  const line = (text) => { const p = document.createElement('p'); p.className = 'mb-1'; p.textContent = text; return p; };

  input.addEventListener('change', async () => {
    box.replaceChildren();
    if (input.files.length === 0) { box.classList.add('d-none'); return; }
    box.classList.remove('d-none');
    box.appendChild(line(msg('checking')));
    const form = new FormData();
    form.append('file', input.files[0]);
    let body = null;
    try {
      const headers = Object.assign({ 'X-Requested-With': 'fetch', 'Accept': 'application/json' }, window.arena.csrfHeaders());
      const r = await fetch(box.dataset.url, { method: 'POST', headers, body: form, credentials: 'same-origin' });
      body = r.ok ? await r.json() : null;
    } catch (e) {
      body = null;
    }
    box.replaceChildren();
    if (body === null) {
      box.appendChild(line(msg('refused')));
      return;
    }
    box.appendChild(line(msg('summary').replace('{0}', body.questions)));
    if (body.duplicates.length === 0) {
      box.appendChild(line(msg('none')));
      return;
    }
    box.appendChild(line(msg('duplicates').replace('{0}', body.duplicates.length)));
    const list = document.createElement('ul');
    list.className = 'mb-0';
    list.id = 'preview-duplicates';
    body.duplicates.forEach((d) => {
      const li = document.createElement('li');
      li.textContent = msg('row').replace('{0}', d.row) + msg('colon') + d.stem;
      list.appendChild(li);
    });
    box.appendChild(list);
  });
})();
