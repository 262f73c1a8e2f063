// Visit check-in (fieldwork): one tap asks the browser for its position, puts latitude, longitude
// and accuracy (or why there is none) into the form and submits it. A denied permission or no
// position still checks in: the server flags it. The time is the server's.
(function () {
  'use strict';
  var form = document.querySelector('form[data-check-in]');
  if (!form) {
    return;
  }
  var sent = false;
  function send(fields) {
    if (sent) {
      return;
    }
    sent = true;
    Object.keys(fields).forEach(function (name) {
      form.elements[name].value = fields[name];
    });
    form.submit();
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    button.textContent = form.getAttribute('data-locating') || button.textContent;
    if (!navigator.geolocation) {
      send({ locationError: 'unsupported' });
      return;
    }
    navigator.geolocation.getCurrentPosition(function (position) {
      send({
        latitude: position.coords.latitude,
        longitude: position.coords.longitude,
        accuracy: position.coords.accuracy
      });
    }, function (error) {
      send({ locationError: 'code-' + error.code });
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 0 });
  });
})();
