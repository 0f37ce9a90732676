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
  },
  // The same call with a Bearer token and no cookies: the server then neither reads nor writes the session.
  async bearer(token, method, url, body) {
    const headers = { 'X-Requested-With': 'fetch', 'Accept': 'application/json', 'Authorization': 'Bearer ' + token };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'omit' });
  }
};
