// The person page: an admin's audited look at the full ID number, and a confirmation before erasing a person.
// The number lives only in the page while it is open: never in storage, a URL or the history.
(function () {
  const reveal = document.getElementById('reveal-id-number');
  if (reveal) {
    reveal.addEventListener('click', async () => {
      reveal.disabled = true;
      const target = document.getElementById('id-number');
      try {
        const response = await window.arena.api('GET', reveal.dataset.url);
        if (!response.ok) throw new Error(String(response.status));
        target.textContent = (await response.json()).idNumber;
        reveal.remove();
      } catch (e) {
        reveal.disabled = false;
        target.insertAdjacentText('afterend', ' ' + reveal.dataset.failed);
      }
    });
  }
  const erase = document.getElementById('delete-person');
  if (erase) {
    erase.addEventListener('submit', (event) => {
      if (!window.confirm(erase.dataset.confirm)) event.preventDefault();
    });
  }
})();
