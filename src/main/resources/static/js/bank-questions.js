// Bank question list: deleting (or retiring) a question asks first; the question is given by the form's data-confirm.
document.querySelectorAll('form.confirm-delete').forEach(form => {
  form.addEventListener('submit', event => {
    if (!window.confirm(form.dataset.confirm)) event.preventDefault();
  });
});
