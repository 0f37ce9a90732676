// Live final pages (host console, team terminal, big screen, judge pad): follow the event stream, fetch the state
// after each event and render it; EventSource rejoins by itself (sending Last-Event-ID). Countdowns run on the server's
// clock: the offset between serverTime and this device's clock is taken at every fetch.
(function () {
  const root = document.getElementById('live');
  if (!root) return;
  const stage = root.dataset.stage;
  const role = root.dataset.role;
  const key = root.dataset.key;
  const base = '/api/v1/stages/' + stage + '/live';
  const query = key ? '?key=' + encodeURIComponent(key) : '';
  const el = (id) => document.getElementById(id);
  // data-msg-* attributes are lower case in the DOM: data-msg-result-won is dataset.msgResultWon
  const msg = (name) => root.dataset['msg' + name.toLowerCase().replace(/(^|-)(\w)/g, (m, d, c) => c.toUpperCase())] || '';
  const zone = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit',
    fractionalSecondDigits: 3, hour12: false });
  let state = null;
  let offset = 0;
  let me = null;

  function text(id, value) {
    const node = el(id);
    if (node) node.textContent = value == null ? '' : value;
  }

  function error(problem) {
    const box = el('live-error');
    if (!box) return;
    const details = problem && (problem.errors || []).map((e) => e.message).join('；');
    box.textContent = details || (problem && problem.detail) || msg('error');
    box.classList.remove('d-none');
    setTimeout(() => box.classList.add('d-none'), 6000);
  }

  async function refresh() {
    const response = await fetch(base + (role === 'host' ? '/host' : query), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) return;
    state = await response.json();
    if (state.me) me = state.me.teamId;
    offset = Date.parse(state.serverTime) - Date.now();
    render();
  }

  function teamName(id) {
    const t = state.teams.find((x) => x.teamId === id);
    return t ? t.unitName : '';
  }

  function myTeam() {
    return me == null ? null : state.teams.find((t) => t.teamId === me);
  }

  function render() {
    const c = state.current;
    root.dataset.seq = state.seq;
    root.dataset.status = state.status;
    text('live-status', msg('status-' + state.status));
    text('live-round', c ? c.round + ' · ' + c.name + (c.of ? ' (' + c.asked + '/' + c.of + ')' : '') : msg('status-' + state.status));
    text('live-phase', c ? msg('phase-' + c.phase) : '');
    const q = c && c.question;
    text('live-stem', q ? q.stem : '');
    const options = el('live-options');
    if (options) {
      options.replaceChildren(...(q ? q.options : []).map((o) => {
        const li = document.createElement('li');
        li.textContent = o.text;
        return li;
      }));
    }
    const answer = el('live-answer');
    if (answer) {
      const shown = c && c.answer !== undefined;
      answer.classList.toggle('d-none', !shown);
      answer.textContent = shown ? msg('answer') + '：' + (typeof c.answer === 'string' ? c.answer : JSON.stringify(c.answer)) + (c.analysis ? ' — ' + c.analysis : '') : '';
    }
    const turn = c && (c.teamId || c.choosing);
    text('live-turn', turn ? teamName(turn) + (c.choosing && !c.teamId ? ' · ' + (msg('tier') || '') + ' ' + (c.tiersLeft || []).join(' / ') : '') : '');
    const winner = c && c.buzzes.find((b) => b.result === 'WON');
    text('live-winner', winner ? msg('winner') + '：' + teamName(winner.teamId) : '');
    renderTeams();
    renderBuzzes(c);
    if (role === 'host') renderHost(c);
    if (role === 'terminal') renderTerminal(c);
    if (role === 'judge') renderJudge(c);
  }

  function renderTeams() {
    const list = el('live-teams');
    if (!list) return;
    const rows = state.standings
      ? state.standings.map((s) => ({ teamId: s.teamId, score: s.score, rank: s.rank }))
      : state.teams.map((t) => ({ teamId: t.teamId, score: t.score }));
    const previous = {};
    list.querySelectorAll('[data-team]').forEach((n) => { previous[n.dataset.team] = n.dataset.score; });
    list.replaceChildren(...rows.map((r) => {
      const row = document.createElement(list.tagName === 'TBODY' ? 'tr' : 'li');
      row.dataset.team = r.teamId;
      row.dataset.score = r.score;
      const name = document.createElement(list.tagName === 'TBODY' ? 'td' : 'span');
      name.textContent = (r.rank ? msg('rank').replace('{0}', r.rank) + ' ' : '') + teamName(r.teamId);
      const score = document.createElement(list.tagName === 'TBODY' ? 'td' : 'strong');
      score.textContent = r.score;
      row.append(name, score);
      if (previous[r.teamId] !== undefined && previous[r.teamId] !== String(r.score)) row.classList.add('live-changed');
      if (state.current && state.current.teamId === r.teamId) row.classList.add('live-active');
      return row;
    }));
  }

  function renderBuzzes(c) {
    const list = el('live-buzzes');
    if (!list) return;
    list.replaceChildren(...(c ? c.buzzes : []).map((b) => {
      const li = document.createElement('li');
      li.textContent = zone.format(new Date(b.at)) + ' ' + teamName(b.teamId) + ' ' + msg('result-' + b.result);
      return li;
    }));
  }

  function renderHost(c) {
    const rounds = el('live-rounds');
    rounds.replaceChildren(...state.rounds.map((r) => {
      const li = document.createElement('li');
      li.className = 'list-group-item' + (c && c.round === r.no ? ' active' : '');
      li.textContent = r.name;
      return li;
    }));
    const select = el('adjust-team');
    if (select.options.length !== state.teams.length) {
      select.replaceChildren(...state.teams.map((t) => new Option(t.unitName, t.teamId)));
    }
    el('btn-start').disabled = state.status !== 'READY';
    const tiers = el('live-tiers');
    const choosing = c && c.kind === 'RISK' && c.choosing && (c.phase === 'READY' || c.phase === 'REVEALED');
    tiers.replaceChildren(...(choosing ? [...c.tiersLeft, null] : []).map((tier) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'btn btn-outline-primary';
      b.textContent = tier == null ? msg('decline') : tier + ' ' + msg('tier');
      b.addEventListener('click', () => command({ type: 'NEXT_QUESTION', tier }));
      return b;
    }));
    const link = el('screen-link');
    if (!link.dataset.loaded) {
      link.dataset.loaded = '1';
      fetch(base + '/screen-key', { credentials: 'same-origin' }).then((r) => r.json()).then((k) => { link.href = k.url; });
    }
  }

  function renderTerminal(c) {
    const team = myTeam();
    text('live-team-name', team ? team.unitName : '');
    text('live-my-score', team ? team.score : '');
    if (c && c.teamId === me) text('live-turn', msg('your-turn'));
    if (c && c.kind === 'RISK' && c.choosing === me && !c.teamId) text('live-turn', msg('tier') + ' ' + c.tiersLeft.join(' / ') + ' · ' + msg('decline'));
    el('live-buzz').disabled = !(c && c.kind === 'BUZZER' && ['SHOWN', 'OPEN', 'ANSWERING'].includes(c.phase));
  }

  function renderJudge(c) {
    const essay = c && c.kind === 'ESSAY' && c.phase === 'ANSWERING';
    el('essay-form').classList.toggle('d-none', !essay);
    text('live-essay-team', essay ? teamName(c.teamId) : msg('waiting'));
    const round = state.rounds.find((r) => c && r.no === c.round);
    text('essay-max', round && round.maxPoints);
    if (round) el('essay-points').max = round.maxPoints;
  }

  async function command(body) {
    body.commandId = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());
    const response = await window.arena.api('POST', base + '/commands', body);
    if (!response.ok) return error(await response.json().catch(() => null));
    await refresh();
  }

  function countdown() {
    const c = state && state.current;
    const node = el('live-countdown');
    if (node) {
      const left = c && c.deadline ? Math.max(0, Math.ceil((Date.parse(c.deadline) - (Date.now() + offset)) / 1000)) : null;
      node.textContent = left == null ? '' : left + 's';
      node.classList.toggle('live-urgent', left != null && left <= 5);
    }
  }

  if (role === 'host') {
    const confirms = { START: 'confirm-start', FINISH: 'confirm-finish' };
    document.querySelectorAll('[data-command]').forEach((b) => b.addEventListener('click', () => {
      const type = b.dataset.command;
      if (confirms[type] && !window.confirm(msg(confirms[type]))) return;
      const body = { type };
      if (type === 'JUDGE' && !b.dataset.essay) body.correct = b.dataset.correct === 'true';
      if (type === 'UNDO') {
        const reason = window.prompt(msg('confirm-undo') + '\n' + msg('reason'));
        if (!reason) return;
        body.reason = reason;
      }
      command(body);
    }));
    el('adjust-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const points = Number(el('adjust-points').value);
      const teamId = Number(el('adjust-team').value);
      if (!window.confirm(msg('confirm-adjust').replace('{0}', teamName(teamId)).replace('{1}', points))) return;
      command({ type: 'ADJUST', teamId, points, reason: el('adjust-reason').value });
    });
    const keys = { n: 'NEXT_QUESTION', o: 'OPEN', r: 'RIGHT', w: 'WRONG', t: 'TIMEOUT', u: 'UNDO' };
    document.addEventListener('keydown', (event) => {
      if (event.target.closest('input, select, textarea') || event.ctrlKey || event.metaKey || event.altKey) return;
      const k = keys[event.key.toLowerCase()];
      if (!k) return;
      const selector = k === 'RIGHT' ? '[data-correct="true"]' : k === 'WRONG' ? '[data-correct="false"]' : '[data-command="' + k + '"]';
      document.querySelector(selector).click();
    });
  }

  if (role === 'terminal') {
    el('live-buzz').addEventListener('click', async () => {
      const response = await window.arena.api('POST', base + '/buzz');
      if (!response.ok) return error(await response.json().catch(() => null));
      const body = await response.json();
      const feedback = el('live-feedback');
      feedback.textContent = msg('result-' + body.result);
      feedback.className = 'text-center fs-3 mt-3 live-feedback live-' + body.result.toLowerCase();
    });
  }

  if (role === 'judge') {
    el('essay-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const response = await window.arena.api('PUT', base + '/essay/' + state.current.teamId, { points: Number(el('essay-points').value) });
      if (!response.ok) return error(await response.json().catch(() => null));
      const ok = el('live-ok');
      ok.textContent = msg('sent');
      ok.classList.remove('d-none');
    });
  }

  const stream = new EventSource(base + '/stream' + query, { withCredentials: true });
  stream.onmessage = () => refresh();
  stream.onopen = () => refresh();
  setInterval(countdown, 250);
  refresh();
})();
