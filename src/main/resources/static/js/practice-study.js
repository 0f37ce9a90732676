// Daily study (one question at a time, key and analysis after each answer, then a summary) and practising the
// wrong-answer book through the practice JSON API (loaded with defer, so arena.js is there). Texts come from data-* attributes.
(function () {
  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // The answer input of a question; returns a function that reads the value in the contract's shape (or null).
  function answerInput(container, type, options, blanks, t) {
    container.replaceChildren();
    if (type === 'TRUE_FALSE') {
      const group = el('div', 'd-grid gap-2');
      let chosen = null;
      [[true, t.true], [false, t.false]].forEach(function ([value, label]) {
        const b = el('button', 'btn btn-outline-primary text-start answer-option', label);
        b.type = 'button';
        b.addEventListener('click', function () {
          group.querySelectorAll('button').forEach(x => x.classList.remove('active'));
          b.classList.add('active');
          chosen = value;
        });
        group.append(b);
      });
      container.append(group);
      return () => chosen;
    }
    if (type === 'FILL_BLANK') {
      const inputs = [];
      for (let i = 0; i < blanks; i++) {
        const input = el('input', 'form-control mb-2 answer-blank');
        input.setAttribute('aria-label', t.blank + ' ' + (i + 1));
        input.placeholder = t.blank + ' ' + (i + 1);
        inputs.push(input);
        container.append(input);
      }
      return () => inputs.map(i => i.value);
    }
    const multiple = type === 'MULTIPLE_CHOICE';
    const group = el('div', 'd-grid gap-2');
    const picked = new Set();
    options.forEach(function (o) {
      const b = el('button', 'btn btn-outline-primary text-start answer-option', o.key + '. ' + o.text);
      b.type = 'button';
      b.dataset.key = o.key;
      b.addEventListener('click', function () {
        if (!multiple) {
          picked.clear();
          group.querySelectorAll('button').forEach(x => x.classList.remove('active'));
        }
        if (picked.has(o.key)) { picked.delete(o.key); b.classList.remove('active'); } else { picked.add(o.key); b.classList.add('active'); }
      });
      group.append(b);
    });
    container.append(group);
    return function () {
      if (picked.size === 0) return null;
      return multiple ? Array.from(picked).sort() : Array.from(picked)[0];
    };
  }

  function keyText(answer, t) {
    if (answer === true) return t.true;
    if (answer === false) return t.false;
    if (Array.isArray(answer)) return answer.map(a => Array.isArray(a) ? a.join(' / ') : a).join('；');
    return String(answer);
  }

  const study = document.getElementById('study');
  if (study) {
    const t = study.dataset;
    const body = document.getElementById('study-body');
    let day;

    async function load() {
      const r = await arena.api('GET', t.api + '/daily');
      document.getElementById('study-loading').remove();
      if (!r.ok) { body.replaceChildren(el('p', 'text-danger', t.failed)); return; }
      day = await r.json();
      next();
    }

    function next() {
      const item = day.items.find(i => !day.answered[i.no]);
      if (!item) { summary(); return; }
      body.replaceChildren();
      body.append(el('p', 'small text-muted mb-1 question-progress', t.of.replace('{0}', item.no).replace('{1}', day.items.length)));
      body.append(el('p', 'fs-6 question-stem', item.stem));
      const inputs = el('div', 'mb-3');
      body.append(inputs);
      const read = answerInput(inputs, item.type, item.options || [], item.blanks || 0, t);
      const feedback = el('div', 'mb-3');
      const submit = el('button', 'btn btn-primary w-100', t.submit);
      submit.id = 'answer-submit';
      submit.type = 'button';
      body.append(feedback, submit);
      submit.addEventListener('click', async function () {
        const value = read();
        if (value === null) { feedback.replaceChildren(el('p', 'text-danger small', t.choose)); return; }
        submit.disabled = true;
        const r = await arena.api('PUT', t.api + '/daily/answers/' + item.no, { value: value });
        if (!r.ok && r.status !== 409) {
          submit.disabled = false;
          const problem = await r.json().catch(() => ({}));
          feedback.replaceChildren(el('p', 'text-danger small', problem.detail || t.failed));
          return;
        }
        const result = r.ok ? await r.json() : null;
        day.answered[item.no] = { value: value, correct: result ? result.correct : false };
        feedback.replaceChildren();
        if (result) {
          feedback.append(el('p', 'fw-bold answer-verdict ' + (result.correct ? 'text-success' : 'text-danger'), result.correct ? t.right : t.wrong));
          feedback.append(el('p', 'mb-1 answer-key', t.key + '：' + keyText(result.correctAnswer, t)));
          if (result.analysis) feedback.append(el('p', 'small text-muted answer-analysis', t.analysis + '：' + result.analysis));
        }
        submit.remove();
        const go = el('button', 'btn btn-outline-primary w-100', t.next);
        go.id = 'answer-next';
        go.type = 'button';
        go.addEventListener('click', next);
        body.append(go);
      });
    }

    async function summary() {
      const right = Object.values(day.answered).filter(a => a.correct).length;
      const me = await arena.api('GET', t.api + '/me').then(r => r.ok ? r.json() : null);
      body.replaceChildren(el('p', 'fs-5 study-summary', t.summary.replace('{0}', right).replace('{1}', day.items.length)));
      if (me) body.append(el('p', 'study-streak', t.streak.replace('{0}', me.streak)));
      const back = el("a", "btn btn-primary w-100", t.homeLabel);
      back.href = t.home;
      body.append(back);
    }

    load();
  }

  const book = document.getElementById('mistakes');
  if (book) {
    const t = book.dataset;
    book.querySelectorAll('.mistake').forEach(function (card) {
      // The key in words (正确 / 错误, A；C, alternatives per blank), as study shows it after an answer.
      card.querySelectorAll('.mistake-key').forEach(k => { k.textContent = keyText(JSON.parse(k.dataset.key), t); });
      const area = card.querySelector('.practise');
      const inputs = el('div', 'mb-2');
      area.append(inputs);
      const read = answerInput(inputs, card.dataset.type, JSON.parse(card.dataset.options || '[]'), Number(card.dataset.blanks), t);
      const feedback = el('p', 'small mb-2');
      const submit = el('button', 'btn btn-sm btn-outline-primary', t.submit);
      submit.type = 'button';
      area.append(feedback, submit);
      submit.addEventListener('click', async function () {
        const value = read();
        if (value === null) { feedback.textContent = t.choose; return; }
        const r = await arena.api('POST', t.api + '/mistakes/' + card.dataset.question + '/answer', { value: value });
        if (!r.ok) { feedback.textContent = t.failed; return; }
        const result = await r.json();
        feedback.textContent = result.cleared ? t.cleared : (result.correct ? t.right : t.wrong);
        if (result.cleared) submit.remove();
      });
    });
  }
})();
