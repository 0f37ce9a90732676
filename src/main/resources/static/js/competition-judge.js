// A judge's phone page: save each contestant's interview score; only the judge's own score is ever shown here.
(function () {
  const root = document.getElementById('judge-page');
  if (!root) return;
  const stage = root.dataset.stage;
  document.querySelectorAll('.judge-seat .score-form').forEach((form) => {
    const seat = form.closest('.judge-seat');
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const reason = form.querySelector('.reason');
      const body = { points: Number(form.querySelector('.points').value), reason: reason ? reason.value : null };
      const response = await window.arena.api('PUT', '/api/v1/stages/' + stage + '/scores/' + seat.dataset.person, body);
      const error = document.getElementById('judge-error');
      if (!response.ok) {
        const problem = await response.json().catch(() => ({}));
        error.textContent = (problem.errors || []).map((e) => e.message).join('；') || problem.detail || root.dataset.msgError;
        error.classList.remove('d-none');
        return;
      }
      error.classList.add('d-none');
      seat.querySelector('.saved').classList.remove('d-none');
    });
  });
})();
