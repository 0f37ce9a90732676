// Blind marking screen: fetch the next task, show it beside the reference answer, save the mark, fetch the next.
(function () {
  const root = document.getElementById('marking');
  if (!root) return;
  const examId = root.dataset.exam;
  const el = (id) => document.getElementById(id);
  let taskId = null;
  let previousId = null;

  function show(task) {
    taskId = task.taskId;
    el('task-type').textContent = task.type === 'ESSAY' ? root.dataset.msgTypeEssay : root.dataset.msgTypeShort;
    el('task-stem').textContent = task.stem;
    el('task-reference').textContent = task.reference;
    el('task-answer').textContent = task.answer || '';
    el('task-max').textContent = task.maxPoints;
    el('mark-points').max = task.maxPoints;
    el('mark-points').value = task.points == null ? '' : task.points;
    el('mark-comment').value = task.comment || '';
    el('task-suggested-box').classList.toggle('d-none', task.suggested == null);
    el('task-suggested').textContent = task.suggested == null ? '' : task.suggested;
    el('mark-points').classList.remove('is-invalid');
    el('marking-task').classList.remove('d-none');
    el('marking-done').classList.add('d-none');
    el('done-previous').classList.add('d-none');
    el('mark-previous').classList.toggle('d-none', !previousId || previousId === taskId);
    el('mark-points').focus();
  }

  // A mark can be changed until the results are released: reopen the task saved last.
  async function previous() {
    const response = await window.arena.api('GET', '/api/v1/marking/' + encodeURIComponent(previousId));
    if (response.ok) show(await response.json());
  }

  async function next() {
    const response = await window.arena.api('GET', '/api/v1/exams/' + examId + '/marking/next');
    if (response.status === 204) {
      taskId = null;
      el('marking-task').classList.add('d-none');
      el('marking-done').classList.remove('d-none');
      el('done-previous').classList.toggle('d-none', !previousId);
      return;
    }
    if (!response.ok) {
      el('mark-status').textContent = root.dataset.msgError;
      return;
    }
    show(await response.json());
  }

  el('mark-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!taskId) return;
    const raw = el('mark-points').value.trim();
    const body = { points: raw === '' ? null : Number(raw), comment: el('mark-comment').value };
    el('mark-save').disabled = true;
    try {
      const response = await window.arena.api('PUT', '/api/v1/marking/' + encodeURIComponent(taskId), body);
      if (response.status === 204) {
        previousId = taskId;
        el('mark-status').textContent = root.dataset.msgSaved;
        await next();
        return;
      }
      const problem = await response.json().catch(() => ({}));
      const pointsError = (problem.errors || []).find((e) => e.field === 'points');
      if (pointsError) {
        el('mark-points').classList.add('is-invalid');
        el('mark-points-error').textContent = pointsError.message;
      }
      el('mark-status').textContent = problem.detail || root.dataset.msgError;
    } catch (e) {
      el('mark-status').textContent = root.dataset.msgError;
    } finally {
      el('mark-save').disabled = false;
    }
  });

  el('mark-previous').addEventListener('click', previous);
  el('done-previous').addEventListener('click', previous);
  next();
})();
