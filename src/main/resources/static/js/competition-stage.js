// Stage page: room rows of the sitting form, name finalists, enter final scores. Sittings and advancement go through htmx.
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

  // The sitting form (sent by htmx): one more empty room row per click.
  const addRoom = el('add-room');
  if (addRoom) addRoom.addEventListener('click', () => {
    const row = document.querySelector('#rooms .room-row').cloneNode(true);
    row.querySelectorAll('input').forEach((input) => { input.value = ''; });
    el('rooms').appendChild(row);
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
