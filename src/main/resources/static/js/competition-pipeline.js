// Pipeline page of a province's selection: enter a person of one's scope (picked by name), withdraw, close the entries
// and fix the selection, each irreversible step only after its preview has been ticked as checked.
(function () {
  const root = document.getElementById('pipeline-page');
  if (!root) return;
  const competition = root.dataset.competition;
  const el = (id) => document.getElementById(id);

  async function failed(response) {
    const problem = await response.json().catch(() => ({}));
    const box = el('pipeline-error');
    box.textContent = (problem.errors || []).map((e) => e.message).join('；') || problem.detail || root.dataset.msgError;
    box.classList.remove('d-none');
  }

  function guarded(checkboxId, buttonId, action) {
    const check = el(checkboxId);
    const button = el(buttonId);
    if (!check || !button) return;
    check.addEventListener('change', () => { button.disabled = !check.checked; });
    button.addEventListener('click', async () => {
      const response = await action(button);
      if (!response.ok) return failed(response);
      window.location.reload();
    });
  }

  guarded('close-confirm', 'close-button', () => window.arena.api('POST', '/api/v1/competitions/' + competition + '/entries/close'));
  guarded('advance-confirm', 'advance-button', (b) => window.arena.api('POST', '/api/v1/stages/' + b.dataset.stage + '/advance'));

  document.querySelectorAll('#pipeline-contestants .withdraw').forEach((button) => {
    button.addEventListener('click', async () => {
      const person = button.closest('tr').dataset.person;
      const response = await window.arena.api('DELETE', '/api/v1/competitions/' + competition + '/contestants/' + person);
      if (!response.ok) return failed(response);
      window.location.reload();
    });
  });

  const form = el('enter-form');
  if (!form) return;
  const select = el('enter-person');
  const entered = new Set(Array.from(document.querySelectorAll('#pipeline-contestants tr[data-person]')).map((r) => r.dataset.person));
  window.arena.api('POST', '/api/v1/people/search', {}).then((r) => r.ok ? r.json() : { items: [] }).then((body) => {
    body.items.filter((p) => !entered.has(String(p.id))).forEach((p) => {
      const option = document.createElement('option');
      option.value = p.id;
      option.textContent = p.name + ' · ' + p.idNumber;
      select.appendChild(option);
    });
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!select.value) return;
    const response = await window.arena.api('POST', '/api/v1/competitions/' + competition + '/contestants', { personId: Number(select.value) });
    if (!response.ok) return failed(response);
    window.location.reload();
  });
})();
