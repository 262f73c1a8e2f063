// The pipeline board: drag a card to another stage column. The move is posted with the CSRF
// header and the server answers the whole board as saved (with a message when it refused the
// move, and the lost-reason form when lost needs a reason), which replaces the old one.
// Loaded by sales/board.html only; no inline scripts (Content-Security-Policy).
(function () {
  'use strict';
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  var dragged = null;

  function board() {
    return document.getElementById('board');
  }

  function columnOf(target) {
    return target && target.closest ? target.closest('[data-stage-column]') : null;
  }

  function highlight(column, on) {
    column.classList.toggle('border-primary', on);
    column.classList.toggle('border-2', on);
  }

  function clearHighlights() {
    document.querySelectorAll('[data-stage-column]').forEach(function (c) { highlight(c, false); });
  }

  function showError(text) {
    var message = document.getElementById('board-message');
    if (!message) {
      return;
    }
    var alert = document.createElement('div');
    alert.className = 'alert alert-danger py-2';
    alert.setAttribute('role', 'alert');
    alert.textContent = text;
    message.replaceChildren(alert);
  }

  function send(url, params) {
    var current = board();
    if (current.dataset.owner) {
      params.set('owner', current.dataset.owner);
    }
    var headers = { 'HX-Request': 'true', 'Content-Type': 'application/x-www-form-urlencoded' };
    if (header && token) {
      headers[header.content] = token.content;
    }
    current.setAttribute('aria-busy', 'true');
    fetch(url, { method: 'POST', headers: headers, body: params.toString(), credentials: 'same-origin' })
      .then(function (response) {
        var type = response.headers.get('Content-Type') || '';
        var answered = [200, 409, 422].indexOf(response.status) >= 0 && type.indexOf('text/html') === 0;
        if (!answered) {
          throw new Error('HTTP ' + response.status);
        }
        return response.text().then(function (html) {
          var template = document.createElement('template');
          template.innerHTML = html;
          var fresh = template.content.getElementById('board');
          if (!fresh) {
            throw new Error('no board in the answer');
          }
          board().replaceWith(fresh);
          var reason = document.getElementById('board-lost-reason');
          if (reason) {
            reason.focus();
          }
        });
      })
      .catch(function () {
        current.removeAttribute('aria-busy');
        showError(current.dataset.errorText);
      });
  }

  document.addEventListener('dragstart', function (event) {
    var card = event.target.closest ? event.target.closest('[data-card]') : null;
    if (!card) {
      return;
    }
    dragged = card;
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', card.dataset.id);
    card.classList.add('opacity-50');
  });

  document.addEventListener('dragend', function () {
    if (dragged) {
      dragged.classList.remove('opacity-50');
    }
    dragged = null;
    clearHighlights();
  });

  document.addEventListener('dragover', function (event) {
    var column = columnOf(event.target);
    if (!column || !dragged) {
      return;
    }
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    clearHighlights();
    highlight(column, true);
  });

  document.addEventListener('drop', function (event) {
    var column = columnOf(event.target);
    if (!column || !dragged) {
      return;
    }
    event.preventDefault();
    var card = dragged;
    dragged = null;
    clearHighlights();
    card.classList.remove('opacity-50');
    if (column.dataset.stage === card.dataset.stage) {
      return;
    }
    send(card.dataset.url, new URLSearchParams({ stage: column.dataset.stage, version: card.dataset.version }));
  });

  // The lost-reason form that the server adds to the board.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.matches || !form.matches('[data-board-form]')) {
      return;
    }
    event.preventDefault();
    send(form.action, new URLSearchParams(new FormData(form)));
  });

  document.addEventListener('click', function (event) {
    var dismiss = event.target.closest ? event.target.closest('[data-board-dismiss]') : null;
    if (dismiss) {
      document.getElementById('board-message').replaceChildren();
    }
  });
})();
