// Team registration: the online form (errors shown on the member they are about), the filled-form upload, withdrawal.
(function () {
  const root = document.getElementById('registration');
  if (!root) return;
  const competition = root.dataset.competition;
  const el = (id) => document.getElementById(id);
  const rows = () => Array.from(document.querySelectorAll('.member-row'));

  function clear() {
    el('errors').classList.add('d-none');
    el('error-list').replaceChildren();
    el('registered').classList.add('d-none');
    rows().forEach((r) => { r.classList.remove('table-danger'); r.querySelector('.m-errors').textContent = ''; });
  }

  function show(problem) {
    const errors = problem.errors || [];
    if (errors.length === 0) errors.push({ message: problem.detail || root.dataset.msgError });
    errors.forEach((e) => {
      const li = document.createElement('li');
      let where = '';
      if (e.member !== undefined && e.member !== null) where = root.dataset.msgMember.replace('{0}', e.member + 1) + '：';
      else if (e.row !== undefined && e.row !== null) where = root.dataset.msgRow.replace('{0}', e.row).replace('{1}', e.column || '') + '：';
      li.textContent = where + e.message + (e.rule ? ' (' + e.rule + ')' : '');
      el('error-list').appendChild(li);
      if (e.member !== undefined && e.member !== null && rows()[e.member]) {
        const row = rows()[e.member];
        row.classList.add('table-danger');
        row.querySelector('.m-errors').textContent += e.message + ' ';
      }
    });
    el('errors').classList.remove('d-none');
  }

  function done(body) {
    el('registered').textContent = root.dataset.msgRegistered.replace('{0}', body.id);
    el('registered').classList.remove('d-none');
    setTimeout(() => window.location.reload(), 1500);
  }

  el('team-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    clear();
    const members = rows().map((r) => ({
      name: r.querySelector('.m-name').value.trim(),
      idNumber: r.querySelector('.m-id').value.trim(),
      mobile: r.querySelector('.m-mobile').value.trim(),
      landline: r.querySelector('.m-landline').value.trim() || null,
      staffCategory: r.querySelector('.m-category').value
    })).filter((m) => m.name || m.idNumber || m.mobile);
    const response = await window.arena.api('POST', '/api/v1/competitions/' + competition + '/teams', {
      orgUnitId: Number(el('unit').value), contactName: el('contactName').value.trim(), contactPhone: el('contactPhone').value.trim(), members
    });
    const body = await response.json().catch(() => ({}));
    if (response.ok) done(body); else show(body);
  });

  el('upload-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    clear();
    const file = el('upload-file').files[0];
    if (!file) return;
    const data = new FormData();
    data.append('file', file);
    data.append('orgUnitId', el('upload-unit').value);
    const response = await fetch('/api/v1/competitions/' + competition + '/teams/import', {
      method: 'POST', body: data, credentials: 'same-origin', headers: Object.assign({ Accept: 'application/json' }, window.arena.csrfHeaders())
    });
    const body = await response.json().catch(() => ({}));
    if (response.ok) done(body); else show(body);
  });

  document.querySelectorAll('.withdraw').forEach((button) => button.addEventListener('click', async () => {
    const response = await window.arena.api('POST', '/api/v1/teams/' + button.dataset.team + '/withdraw');
    if (response.ok) window.location.reload(); else show(await response.json().catch(() => ({})));
  }));
})();
