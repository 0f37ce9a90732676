// Stage page: create a sitting (showing the issued accounts once), apply advancement, name finalists, enter final scores.
(function () {
  const root = document.getElementById('stage-page');
  if (!root) return;
  const stage = root.dataset.stage;
  const el = (id) => document.getElementById(id);

  function message(ok, text) {
    el('stage-ok').classList.add('d-none');
    el('stage-error').classList.add('d-none');
    const box = el(ok ? 'stage-ok' : 'stage-error');
    box.textContent = text;
    box.classList.remove('d-none');
  }

  async function failed(response) {
    const problem = await response.json().catch(() => ({}));
    const details = (problem.errors || []).map((e) => e.message).join('；');
    message(false, details || problem.detail || root.dataset.msgError);
  }

  const sitting = el('sitting-form');
  if (sitting) sitting.addEventListener('submit', async (event) => {
    event.preventDefault();
    const unitKinds = Array.from(document.querySelectorAll('.unit-kind:checked')).map((c) => c.value);
    const rooms = el('rooms').value.split('\n').map((l) => l.trim()).filter((l) => l).map((l) => {
      const parts = l.split(/\s+/);
      return { name: parts.slice(0, -1).join(' ') || parts[0], seats: Number(parts[parts.length - 1]) };
    });
    const response = await window.arena.api('POST', '/api/v1/stages/' + stage + '/sittings', {
      examId: Number(el('exam-id').value), unitKinds, rooms: rooms.length ? rooms : null
    });
    if (!response.ok) return failed(response);
    const body = await response.json();
    const tbody = document.querySelector('#issued-accounts tbody');
    tbody.replaceChildren();
    body.accounts.forEach((a) => {
      const tr = document.createElement('tr');
      [a.name, a.username, a.initialPassword || '—', a.room || '', a.seat || ''].forEach((v) => {
        const td = document.createElement('td');
        td.textContent = v;
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
    el('issued').classList.remove('d-none');
    message(true, root.dataset.msgSaved);
  });

  const advance = el('advance');
  if (advance) advance.addEventListener('click', async () => {
    const response = await window.arena.api('POST', '/api/v1/stages/' + stage + '/advance');
    if (!response.ok) return failed(response);
    window.location.reload();
  });

  document.querySelectorAll('.final-team').forEach((card) => {
    const team = card.dataset.team;
    card.querySelector('.name-finalists').addEventListener('click', async () => {
      const personIds = Array.from(card.querySelectorAll('.finalist:checked')).map((c) => Number(c.value));
      const response = await window.arena.api('PUT', '/api/v1/stages/' + stage + '/teams/' + team + '/members', { personIds });
      if (response.ok) message(true, root.dataset.msgSaved); else failed(response);
    });
    card.querySelector('.save-score').addEventListener('click', async () => {
      const score = card.querySelector('.final-score').value;
      const note = card.querySelector('.final-note').value;
      const response = await window.arena.api('PUT', '/api/v1/stages/' + stage + '/teams/' + team + '/score',
        { score: score === '' ? null : Number(score), note: note || null });
      if (response.ok) window.location.reload(); else failed(response);
    });
  });
})();
