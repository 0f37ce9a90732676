// Organizer results page: release with confirmation (and a forced release when marking is unfinished), enrol graders.
(function () {
  const root = document.getElementById('results');
  if (!root) return;
  const examId = root.dataset.exam;
  const el = (id) => document.getElementById(id);

  async function release(force) {
    const response = await window.arena.api('POST', '/api/v1/exams/' + examId + '/release' + (force ? '?force=true' : ''));
    if (response.ok) {
      window.location.reload();
      return;
    }
    const problem = await response.json().catch(() => ({}));
    if (response.status === 409 && !force && window.confirm((problem.detail || '') + '\n\n' + root.dataset.msgConfirmForce)) {
      await release(true);
      return;
    }
    el('release-error').textContent = problem.detail || root.dataset.msgError;
    el('release-error').classList.remove('d-none');
  }

  const button = el('release');
  if (button) {
    button.addEventListener('click', () => {
      if (window.confirm(root.dataset.msgConfirm)) release(false);
    });
  }

  el('graders-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const usernames = el('grader-usernames').value.split(/[\s,，、]+/).filter((s) => s.length > 0);
    const response = await window.arena.api('POST', '/api/v1/exams/' + examId + '/graders', { usernames });
    const body = await response.json().catch(() => ({}));
    const status = el('graders-status');
    status.className = 'mt-2 ' + (response.ok ? 'text-success' : 'text-danger');
    status.textContent = response.ok ? root.dataset.msgEnrolled.replace('{0}', body.enrolled) : (body.detail || root.dataset.msgError);
    if (response.ok) el('grader-usernames').value = '';
  });
})();
