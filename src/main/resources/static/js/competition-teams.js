// Organizer's teams page: approve or reject a registration.
(function () {
  const root = document.getElementById('teams-page');
  if (!root) return;
  async function act(team, verb, body) {
    const response = await window.arena.api('POST', '/api/v1/teams/' + team + '/' + verb, body);
    if (response.ok) {
      window.location.reload();
      return;
    }
    const problem = await response.json().catch(() => ({}));
    const box = document.getElementById('team-error');
    box.textContent = problem.detail || root.dataset.msgError;
    box.classList.remove('d-none');
  }
  document.querySelectorAll('#teams tr[data-team]').forEach((row) => {
    const team = row.dataset.team;
    const approve = row.querySelector('.approve');
    if (approve) approve.addEventListener('click', () => act(team, 'approve'));
    const reject = row.querySelector('.reject');
    if (reject) reject.addEventListener('click', () => {
      const reason = window.prompt(root.dataset.msgReason);
      if (reason !== null) act(team, 'reject', { reason });
    });
  });
})();
