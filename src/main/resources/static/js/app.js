// Tide CRM page behaviour. Loaded on every page; no inline scripts (Content-Security-Policy).
(function () {
  'use strict';
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  // htmx requests carry the CSRF token like ordinary forms do.
  document.body.addEventListener('htmx:configRequest', function (event) {
    if (header && token) {
      event.detail.headers[header.content] = token.content;
    }
  });
  // <form data-confirm="..."> asks before it submits.
  document.addEventListener('submit', function (event) {
    var message = event.target.getAttribute && event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
})();
