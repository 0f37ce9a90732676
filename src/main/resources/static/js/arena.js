// Arena's shared browser helpers: fetch with the session's CSRF header. No inline scripts (CSP: script-src 'self').
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
  }
};
