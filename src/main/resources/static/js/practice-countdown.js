// The home page's countdown to the monthly contest, on the server's clock (data-now) rather than the phone's.
(function () {
  document.querySelectorAll('.countdown').forEach(function (el) {
    const offset = Number(el.dataset.now) - Date.now();
    function tick() {
      const left = Math.max(0, Number(el.dataset.target) - (Date.now() + offset));
      const minutes = Math.floor(left / 60000);
      el.textContent = Math.floor(minutes / 1440) + el.dataset.days + ' ' + Math.floor(minutes % 1440 / 60) + el.dataset.hours + ' '
        + (minutes % 60) + el.dataset.minutes;
    }
    tick();
    setInterval(tick, 30000);
  });
})();
