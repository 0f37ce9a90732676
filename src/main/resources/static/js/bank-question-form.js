// Question form: show only the answer inputs of the chosen type. Without JavaScript every input stays visible and
// the server uses the ones of the chosen type.
(function () {
  const type = document.getElementById('type');
  if (!type) return;
  function show() {
    document.querySelectorAll('.answer-part').forEach(part => {
      const visible = part.dataset.types.split(' ').includes(type.value);
      part.classList.toggle('d-none', !visible);
      part.querySelectorAll('input, textarea').forEach(input => { input.disabled = !visible; });
    });
  }
  type.addEventListener('change', show);
  show();
})();
