// Stage page: one more empty room row per click in the sitting form. Everything else on the page goes through htmx.
(function () {
  const addRoom = document.getElementById('add-room');
  if (!addRoom) return;
  addRoom.addEventListener('click', () => {
    const row = document.querySelector('#rooms .room-row').cloneNode(true);
    row.querySelectorAll('input').forEach((input) => { input.value = ''; });
    document.getElementById('rooms').appendChild(row);
  });
})();
