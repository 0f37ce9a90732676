// Arena's shared browser helpers. No inline scripts (CSP: script-src 'self').
//
// Pages change data with htmx: an element with hx-post (hx-put, hx-delete) sends the form to a page endpoint, which
// answers with an HTML fragment to swap in. Every htmx request carries the session's CSRF header (below). A refusal
// comes back as a 4xx fragment (templates/fragments.html :: refusal) and is shown in the element named by the
// nearest data-errors attribute (a CSS selector), next to the form, instead of the fragment's usual target.
window.arena = {
  csrfHeaders() {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { [header.content]: token.content } : {};
  },
  async api(method, url, body) {
    const headers = Object.assign({ 'X-Requested-With': 'fetch', 'Accept': 'application/json' }, this.csrfHeaders());
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' });
  },
  // Times are shown and read in the server's zone (arena.zone, e.g. Asia/Shanghai), never the browser's.
  zone() {
    return document.querySelector('meta[name="arena-zone"]').content;
  },
  // The wall-clock fields of an instant (milliseconds) in the server's zone.
  wallClock(ms) {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: this.zone(), hourCycle: 'h23', year: 'numeric', month: '2-digit',
      day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(ms));
    return Object.fromEntries(parts.map((p) => [p.type, p.value]));
  },
  // A datetime-local value ("2026-12-01T09:00") read as a time in the server's zone, as an ISO-8601 instant.
  instantInZone(local) {
    if (!local) return null;
    const [date, time] = local.split('T');
    const [y, m, d] = date.split('-').map(Number);
    const [h, min] = time.split(':').map(Number);
    const wall = Date.UTC(y, m - 1, d, h, min);
    const offset = (ms) => {
      const w = this.wallClock(ms);
      return Date.UTC(+w.year, +w.month - 1, +w.day, +w.hour, +w.minute, +w.second) - ms;
    };
    // Twice, so that a wall time just across a daylight-saving change takes that side's offset.
    const first = wall - offset(wall);
    return new Date(wall - offset(first)).toISOString();
  },
  // An ISO instant as every page shows times: "2026-12-01 09:00（北京时间）".
  shownTime(iso) {
    if (!iso) return '';
    const w = this.wallClock(Date.parse(iso));
    const label = document.querySelector('meta[name="arena-zone"]').dataset.label;
    return `${w.year}-${w.month}-${w.day} ${w.hour}:${w.minute}` + (label ? '（' + label + '）' : '');
  },
  // The same call with a Bearer token and no cookies: the server then neither reads nor writes the session.
  async bearer(token, method, url, body) {
    const headers = { 'X-Requested-With': 'fetch', 'Accept': 'application/json', 'Authorization': 'Bearer ' + token };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit' });
  }
};

(function () {
  'use strict';
  const errorSlot = (elt) => {
    const owner = elt.closest('[data-errors]');
    return owner ? document.querySelector(owner.dataset.errors) : null;
  };
  const message = (name) => document.getElementById('arena-messages').getAttribute('data-msg-' + name);

  document.addEventListener('htmx:configRequest', (event) => {
    Object.assign(event.detail.headers, window.arena.csrfHeaders());
  });

  // Refusals (and failures) are fragments too: swap them into the form's error slot, leaving what was typed in place.
  document.addEventListener('htmx:beforeSwap', (event) => {
    const status = event.detail.xhr.status;
    const slot = errorSlot(event.detail.requestConfig.elt);
    if (status < 400 || !slot) return;
    event.detail.shouldSwap = true;
    event.detail.isError = false;
    event.detail.target = slot;
    event.detail.swapOverride = 'innerHTML';
  });

  // A successful change clears the refusal shown for an earlier try, and empties a form marked data-reset-on-success.
  document.addEventListener('htmx:afterRequest', (event) => {
    if (!event.detail.successful || event.detail.xhr.status >= 400) return;
    const slot = errorSlot(event.detail.elt);
    if (slot && event.detail.target !== slot) slot.replaceChildren();
    if (event.detail.elt.matches('form[data-reset-on-success]')) event.detail.elt.reset();
  });

  document.addEventListener('htmx:sendError', (event) => {
    const slot = errorSlot(event.detail.elt);
    if (!slot) return;
    const alert = document.createElement('div');
    alert.className = 'alert alert-danger';
    alert.setAttribute('role', 'alert');
    alert.textContent = message('offline');
    slot.replaceChildren(alert);
  });

  // "Back" links on error pages go to where the person came from, when there is such a page.
  document.addEventListener('click', (event) => {
    const back = event.target.closest('[data-back]');
    if (back && window.history.length > 1) {
      event.preventDefault();
      window.history.back();
    }
  });
})();
