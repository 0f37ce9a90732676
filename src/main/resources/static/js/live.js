// Live final pages (host console, team terminal, big screen, judge pad, buzzer station, replay) follow the event
// stream. The many (big screens, the station) render the state the stream carries (the last event of each sending has
// the state after it), so 2,000 screens show an event without 2,000 requests, and fetch it only on loading. The few
// with a viewer of their own (the host: the answer; a terminal: its team; a judge pad: its recusals) and the replay
// fetch their state after each event. EventSource rejoins by itself, sending Last-Event-ID, and the events it missed
// end with the state. Countdowns run on the server's clock: the offset between serverTime and this device's clock is
// taken with every state.
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
  const zone = new Intl.DateTimeFormat('zh-CN', { timeZone: document.querySelector('meta[name="arena-zone"]').content, hour: '2-digit', minute: '2-digit', second: '2-digit',
    fractionalSecondDigits: 3, hour12: false });
  let state = null;
  let offset = 0;
  let me = null;

  // A buzz's result in words; a foul says what it costs in the current round (the round's configured foul).
  function resultText(result) {
    const c = state && state.current;
    const round = c && state.rounds.find((r) => r.no === c.round);
    return msg('result-' + result).replace('{0}', round && round.foul != null ? round.foul : '');
  }

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

  // Events come in bursts (a whole history on joining): refreshes coalesce, one in flight and at most one more after it.
  let refreshing = null;
  let refreshAgain = false;

  function refresh() {
    if (refreshing) {
      refreshAgain = true;
      return refreshing;
    }
    refreshing = (async () => {
      try {
        do {
          refreshAgain = false;
          await load();
        } while (refreshAgain);
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  async function load() {
    if (role === 'replay') return replayEnd();
    const response = await fetch(base + (role === 'host' ? '/host' : query), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) return;
    const fetched = await response.json();
    if (fetched.me) me = fetched.me.teamId;
    show(fetched);
  }

  // A fetch and the stream may cross: a state older than the one shown is dropped.
  function show(next) {
    if (state && next.seq < state.seq) return;
    state = next;
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
    if (role === 'station') renderStation(c);
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
      const team = state.teams.find((t) => t.teamId === r.teamId);
      const tiebreak = team && team.tiebreakPoints !== undefined ? ' · ' + msg('tiebreak-points').replace('{0}', team.tiebreakPoints) : '';
      name.textContent = (r.rank ? msg('rank').replace('{0}', r.rank) + ' ' : '') + teamName(r.teamId) + tiebreak;
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
      li.textContent = zone.format(new Date(b.at)) + ' ' + teamName(b.teamId) + ' ' + resultText(b.result);
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
    renderTiebreak(c);
    const link = el('screen-link');
    if (!link.dataset.loaded) {
      link.dataset.loaded = '1';
      fetch(base + '/screen-key', { credentials: 'same-origin' }).then((r) => r.json()).then((k) => { link.href = k.url; });
    }
  }

  // Once the last round is over, a tiebreak (附加赛) is offered for each group of teams on one score, all of them.
  function renderTiebreak(c) {
    const box = el('live-tiebreak');
    const lastOver = state.status === 'RUNNING' && !state.tiebreakTeams && c && c.round === state.rounds.length
      && (c.phase === 'READY' || c.phase === 'REVEALED') && c.asked >= c.of;
    const groups = {};
    if (lastOver) state.teams.forEach((t) => { (groups[t.score] = groups[t.score] || []).push(t); });
    box.replaceChildren(...Object.entries(groups).filter(([, teams]) => teams.length > 1).map(([score, teams]) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'btn btn-outline-warning';
      const names = teams.map((t) => t.unitName).join('、');
      b.textContent = msg('tiebreak').replace('{0}', names).replace('{1}', score);
      b.dataset.tiebreak = teams.map((t) => t.teamId).join(',');
      b.addEventListener('click', () => {
        if (!window.confirm(msg('confirm-tiebreak').replace('{0}', names))) return;
        command({ type: 'TIEBREAK', teamIds: teams.map((t) => t.teamId) });
      });
      return b;
    }));
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
    const recused = essay && (state.recusedFor || []).includes(c.teamId);
    el('essay-form').classList.toggle('d-none', !essay || recused);
    el('live-recused').classList.toggle('d-none', !recused);
    text('live-essay-team', essay ? teamName(c.teamId) : msg('waiting'));
    const round = state.rounds.find((r) => c && r.no === c.round);
    text('essay-max', round && round.maxPoints);
    if (round) el('essay-points').max = round.maxPoints;
  }

  // Buzzer station: one key per team (default: its seat number, 0 for seat 10), kept in this browser.
  const stationKeys = 'arena.live.station.' + stage;
  let keyOf = JSON.parse(localStorage.getItem(stationKeys) || '{}');
  const pressed = {};

  function keyFor(team) {
    return keyOf[team.teamId] || (team.seat <= 10 ? String(team.seat % 10) : '');
  }

  function renderStation(c) {
    const teams = state.teams;
    el('station-empty').classList.toggle('d-none', teams.length > 0);
    el('station-teams').replaceChildren(...teams.map((t) => {
      const card = document.createElement('div');
      card.className = 'live-station-team';
      card.dataset.team = t.teamId;
      // what matters most of the team's buzzes on this question: having won it, then the foul, then the latest
      const own = c ? c.buzzes.filter((b) => b.teamId === t.teamId).map((b) => b.result) : [];
      const mine = pressed[t.teamId];
      if (mine && mine.seq >= state.seq) own.push(mine.result);
      const result = ['WON', 'EARLY'].find((r) => own.includes(r)) || own.pop() || null;
      if (result) card.classList.add('live-' + result.toLowerCase());
      card.dataset.result = result || '';
      const key = document.createElement('kbd');
      key.className = 'live-station-key';
      key.textContent = keyFor(t).toUpperCase() || '—';
      const name = document.createElement('div');
      name.className = 'live-station-name';
      name.textContent = t.seat + '. ' + t.unitName;
      const score = document.createElement('div');
      score.className = 'live-station-score';
      score.textContent = t.score;
      const outcome = document.createElement('div');
      outcome.className = 'live-station-result';
      outcome.textContent = result ? resultText(result) : '';
      card.append(key, name, score, outcome);
      return card;
    }));
    const form = el('station-keys');
    if (form.children.length !== teams.length && !form.contains(document.activeElement)) {
      form.replaceChildren(...teams.map((t) => {
        const col = document.createElement('div');
        col.className = 'col-6 col-md-3';
        const label = document.createElement('label');
        label.className = 'form-label small mb-0';
        label.htmlFor = 'station-key-' + t.teamId;
        label.textContent = t.seat + '. ' + t.unitName + ' · ' + msg('key-of');
        const input = document.createElement('input');
        input.className = 'form-control';
        input.id = 'station-key-' + t.teamId;
        input.maxLength = 1;
        input.value = keyFor(t);
        input.addEventListener('input', () => {
          keyOf[t.teamId] = input.value.toLowerCase();
          localStorage.setItem(stationKeys, JSON.stringify(keyOf));
          renderStation(state.current);
        });
        col.append(label, input);
        return col;
      }));
    }
  }

  // A press is posted with its own id and sent again with the same id if the network fails: the server counts it once.
  async function stationPress(teamId) {
    const pressId = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + '-' + Math.floor(Math.random() * 1e9);
    for (let attempt = 0; attempt < 3; attempt++) {
      let response;
      try {
        response = await window.arena.api('POST', base + '/buzz/' + teamId, { pressId });
      } catch (network) {
        await new Promise((done) => setTimeout(done, 300));
        continue;
      }
      if (!response.ok) return error(await response.json().catch(() => null));
      const body = await response.json();
      pressed[teamId] = body;
      if (state) renderStation(state.current);
      return;
    }
    error(null);
  }

  // Replay: the state after event n, the fold of events 1…n, fetched as the slider moves (the last move wins).
  let replayShown = -1;
  let replayWanted = null;
  let replayLoading = false;
  // at the end of a running final the replay follows new events; a step back stops that until the end is chosen again
  let replayFollowing = true;

  async function replay(seq) {
    replayWanted = seq;
    if (replayLoading) return;
    replayLoading = true;
    try {
      while (replayWanted !== replayShown) {
        const wanted = replayWanted;
        const response = await fetch(base + '/replay?seq=' + wanted, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
        if (!response.ok) {
          error(await response.json().catch(() => null));
          break;
        }
        const moment = await response.json();
        replayShown = wanted;
        state = moment.state;
        const slider = el('replay-seq');
        slider.max = moment.last;
        slider.value = wanted;
        render();
        renderMoment(moment);
      }
    } finally {
      replayLoading = false;
    }
  }

  async function replayEnd() {
    const slider = el('replay-seq');
    const response = await fetch(base + '/replay?seq=0', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) return;
    const last = (await response.json()).last;
    slider.max = last;
    if (replayFollowing) replay(last);
  }

  function renderMoment(m) {
    text('replay-moment', m.last === 0 ? msg('no-events') : m.seq === 0 ? msg('moment-start').replace('{0}', m.last)
      : msg('moment').replace('{0}', m.seq).replace('{1}', m.last));
    const e = m.event;
    const parts = [];
    if (e) {
      parts.push(zone.format(new Date(e.at)), msg('event-' + e.type));
      if (e.teamId) parts.push(teamName(e.teamId));
      if (e.tier) parts.push(e.tier + ' ' + msg('tier'));
      if (e.result) parts.push(resultText(e.result));
      if (e.points != null) parts.push((e.points > 0 ? '+' : '') + e.points);
      if (e.reason) parts.push('“' + e.reason + '”');
      if (e.by) parts.push('(' + e.by + ')');
    }
    text('replay-event', parts.join(' · '));
    el('replay-prev').disabled = m.seq <= 0;
    el('replay-first').disabled = m.seq <= 0;
    el('replay-next').disabled = m.seq >= m.last;
    el('replay-last').disabled = m.seq >= m.last;
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
      feedback.textContent = resultText(body.result);
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

  if (role === 'station') {
    document.addEventListener('keydown', (event) => {
      if (event.repeat || event.target.closest('input, select, textarea') || event.ctrlKey || event.metaKey || event.altKey || !state) return;
      const team = state.teams.find((t) => keyFor(t) !== '' && keyFor(t) === event.key.toLowerCase());
      if (!team) return;
      event.preventDefault();
      stationPress(team.teamId);
    });
    el('station-default').addEventListener('click', () => {
      keyOf = {};
      localStorage.removeItem(stationKeys);
      el('station-keys').replaceChildren();
      renderStation(state.current);
    });
  }

  if (role === 'replay') {
    const slider = el('replay-seq');
    const step = (to) => {
      const seq = Math.max(0, Math.min(Number(slider.max), to));
      replayFollowing = seq === Number(slider.max);
      replay(seq);
    };
    slider.addEventListener('input', () => step(Number(slider.value)));
    el('replay-first').addEventListener('click', () => step(0));
    el('replay-prev').addEventListener('click', () => step(replayShown - 1));
    el('replay-next').addEventListener('click', () => step(replayShown + 1));
    el('replay-last').addEventListener('click', () => step(Number(slider.max)));
    document.addEventListener('keydown', (event) => {
      if (event.target.closest('input, select, textarea')) return;
      if (event.key === 'ArrowLeft') step(replayShown - 1);
      if (event.key === 'ArrowRight') step(replayShown + 1);
    });
  }

  const stream = new EventSource(base + '/stream' + query, { withCredentials: true });
  const fetchesOwnState = ['host', 'terminal', 'judge', 'replay'].includes(role);
  stream.onmessage = (message) => {
    if (fetchesOwnState) return refresh();
    const event = JSON.parse(message.data);
    if (event.state) show(event.state);
  };
  stream.onopen = () => {
    if (!state) refresh();
  };
  setInterval(countdown, 250);
  refresh();
})();
