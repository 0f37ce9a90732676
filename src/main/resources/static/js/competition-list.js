// Competitions list: create a competition from a template.
(function () {
  const form = document.getElementById('new-competition');
  if (!form) return;
  const el = (id) => document.getElementById(id);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // The typed time is Beijing time (arena.zone), whatever the browser's zone.
    const deadline = window.arena.instantInZone(el('deadline').value);
    const response = await window.arena.api('POST', '/api/v1/competitions', {
      template: el('template').value, name: el('name').value, orgUnitId: Number(el('orgUnitId').value), registrationDeadline: deadline
    });
    const body = await response.json().catch(() => ({}));
    if (response.ok) {
      window.location.href = '/competitions/' + body.id;
      return;
    }
    el('create-errors').textContent = (body.errors || []).map((e) => e.message).join('；') || body.detail || '';
  });
})();
