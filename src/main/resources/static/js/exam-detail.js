// The organizer's exam page: enrol candidates by username, publish.
(function () {
  'use strict';
  const root = document.getElementById('exam-detail');
  const examId = root.dataset.examId;
  const msg = (name) => root.getAttribute('data-msg-' + name) || name;
  const box = document.getElementById('detail-message');

  function say(ok, text) {
    box.className = 'alert ' + (ok ? 'alert-success' : 'alert-danger');
    box.textContent = text;
  }

  async function problem(r) {
    const body = await r.json().catch(() => ({}));
    return (body.errors || []).map((e) => e.message).join('；') || body.detail || msg('error');
  }

  document.getElementById('enrol-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const usernames = document.getElementById('usernames').value.split(/\r?\n/).map((u) => u.trim()).filter((u) => u);
    const r = await window.arena.api('POST', '/api/v1/exams/' + examId + '/candidates', { usernames });
    if (r.ok) {
      const body = await r.json();
      say(true, msg('enrolled').replace('{0}', body.enrolled));
      setTimeout(() => window.location.reload(), 800);
    } else {
      say(false, await problem(r));
    }
  });

  const publish = document.getElementById('publish');
  if (publish) {
    publish.addEventListener('click', async () => {
      const r = await window.arena.api('POST', '/api/v1/exams/' + examId + '/publish');
      if (r.ok) {
        say(true, msg('published'));
        publish.remove();
        setTimeout(() => window.location.reload(), 800);
      } else {
        say(false, await problem(r));
      }
    });
  }
})();
