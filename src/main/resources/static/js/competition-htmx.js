// htmx on the competition pages: every request it sends carries the session's CSRF header (no inline scripts: CSP).
document.addEventListener('htmx:configRequest', (event) => {
  Object.assign(event.detail.headers, window.arena.csrfHeaders());
});
