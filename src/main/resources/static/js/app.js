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
  // Lists as cards on a phone (app.css, table.table-cards): each cell is labelled with its
  // column's heading, unless the template set a data-label of its own.
  function labelCards(root) {
    root.querySelectorAll('table.table-cards').forEach(function (table) {
      var heads = Array.prototype.map.call(table.querySelectorAll('thead tr:first-child > th'), function (th) {
        return th.textContent.trim();
      });
      table.querySelectorAll('tbody > tr, tfoot > tr').forEach(function (row) {
        Array.prototype.forEach.call(row.children, function (cell, i) {
          if (!cell.hasAttribute('data-label') && heads[i]) {
            cell.setAttribute('data-label', heads[i]);
          }
        });
      });
    });
  }
  labelCards(document);
  document.body.addEventListener('htmx:afterSwap', function () {
    labelCards(document);
  });
  // <a href="#form" data-focus="field"> goes to the form and puts the cursor in its field (the
  // customer page's "write follow-up" button); also when the page is opened at that anchor.
  function focusTarget(link) {
    var form = document.querySelector(link.getAttribute('href'));
    var field = form && form.querySelector('[name="' + link.getAttribute('data-focus') + '"]');
    if (field) {
      field.scrollIntoView({ block: 'center' });
      field.focus({ preventScroll: true });
      return true;
    }
    return false;
  }
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[data-focus]');
    if (link && focusTarget(link)) {
      event.preventDefault();
      history.replaceState(null, '', link.getAttribute('href'));
    }
  });
  // A tap on a contact's number (tel: or sms:) on a page with the follow-up form: the phone calls
  // or writes as usual, and the form is made ready to log it (its kind, and the contact when the
  // number belongs to one), with a hint, so that back from the call only the content is left.
  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a[data-log-kind]');
    var form = link && document.getElementById('followup-form');
    if (!form) {
      return;
    }
    var kind = form.querySelector('[name="kind"]');
    if (kind) {
      kind.value = link.getAttribute('data-log-kind');
    }
    var owner = link.closest('[data-contact-id]');
    var contact = form.querySelector('[name="contactId"]');
    if (owner && contact && contact.querySelector('option[value="' + owner.getAttribute('data-contact-id') + '"]')) {
      contact.value = owner.getAttribute('data-contact-id');
    }
    var hint = document.getElementById('followup-log-hint');
    if (hint) {
      hint.hidden = false;
    }
  });
  // After the load: the browser's own scroll to the fragment would take the focus away again.
  window.addEventListener('load', function () {
    var opened = location.hash && document.querySelector('a[data-focus][href="' + location.hash.replace(/"/g, '') + '"]');
    if (opened) {
      window.setTimeout(function () {
        focusTarget(opened);
      }, 0);
    }
  });
  // <form data-confirm="..."> asks before it submits.
  document.addEventListener('submit', function (event) {
    var message = event.target.getAttribute && event.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });
  // Product lines (fragments/lines :: formTable): each line's unit price and total, and their
  // sum, as the server will compute them (catalog.PricedLine): quantity × unit price ×
  // (100 − discount) / 100, rounded half-up to the fen. Exact decimal arithmetic on BigInt.
  function decimal(text) {
    var m = /^\s*(\d+)(?:[.,](\d*))?\s*$/.exec(text || '');
    if (!m) {
      return null;
    }
    var fraction = m[2] || '';
    return { digits: BigInt(m[1] + fraction), scale: fraction.length };
  }
  function pow10(n) {
    return BigInt('1' + '0'.repeat(n));
  }
  function fen(quantity, price, discount) {
    var off = discount || { digits: 0n, scale: 0 };
    var keep = 100n * pow10(off.scale) - off.digits;
    var numerator = quantity.digits * price.digits * keep * 100n;
    var denominator = pow10(quantity.scale + price.scale) * 100n * pow10(off.scale);
    return (numerator * 2n + denominator) / (denominator * 2n);
  }
  function money(cents) {
    var s = cents.toString().padStart(3, '0');
    var yuan = s.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return '¥' + yuan + '.' + s.slice(-2);
  }
  function priceLines(table) {
    var sum = 0n;
    var any = false;
    table.querySelectorAll('tbody tr').forEach(function (row) {
      var product = row.querySelector('select');
      var inputs = row.querySelectorAll('input');
      var out = row.querySelector('[data-line-total]');
      var option = product && product.selectedOptions[0];
      var listPrice = option && option.getAttribute('data-price');
      if (inputs.length < 3 || !out) {
        return;
      }
      inputs[1].placeholder = listPrice || '';
      var quantity = decimal(inputs[0].value);
      var price = decimal(inputs[1].value.trim() === '' ? listPrice : inputs[1].value);
      var discount = inputs[2].value.trim() === '' ? null : decimal(inputs[2].value);
      if (!listPrice || !quantity || !price || (inputs[2].value.trim() !== '' && !discount)
          || (discount && discount.digits > 100n * pow10(discount.scale))) {
        out.textContent = '';
        return;
      }
      var cents = fen(quantity, price, discount);
      out.textContent = money(cents);
      sum += cents;
      any = true;
    });
    var total = table.querySelector('[data-lines-sum]');
    if (total) {
      total.textContent = any ? money(sum) : '';
    }
  }
  document.querySelectorAll('table[data-line-pricing]').forEach(function (table) {
    table.addEventListener('input', function () { priceLines(table); });
    table.addEventListener('change', function () { priceLines(table); });
    priceLines(table);
  });
  // The navbar's live search results: arrow keys move between the input and the result links
  // (Tab reaches them too, as they follow the input); Escape closes them. Enter submits the form.
  var search = document.getElementById('nav-search');
  if (search) {
    search.addEventListener('keydown', function (event) {
      var live = document.getElementById('nav-search-live');
      var input = document.getElementById('nav-search-q');
      var links = Array.prototype.slice.call(live.querySelectorAll('a'));
      var at = links.indexOf(document.activeElement);
      if (event.key === 'ArrowDown' && links.length) {
        event.preventDefault();
        links[Math.min(at + 1, links.length - 1)].focus();
      } else if (event.key === 'ArrowUp' && at >= 0) {
        event.preventDefault();
        (at === 0 ? input : links[at - 1]).focus();
      } else if (event.key === 'Escape') {
        live.innerHTML = '';
        input.focus();
      }
    });
  }
  // The weekly plan's "add a task" (report-week.html): a copy of the day's empty row under the
  // next free index of the form's list "tasks", empty but for its day. Without a script each day
  // still has one empty row, so the button shows only here.
  document.querySelectorAll('[data-add-task]').forEach(function (button) {
    button.classList.remove('d-none');
    button.addEventListener('click', function () {
      var fieldset = button.closest('[data-next-index]');
      var template = button.closest('.weekly-day').querySelector('[data-task-template]');
      var index = parseInt(fieldset.getAttribute('data-next-index'), 10);
      fieldset.setAttribute('data-next-index', String(index + 1));
      var row = template.cloneNode(true);
      row.removeAttribute('data-task-template');
      row.querySelectorAll('[data-task-field]').forEach(function (input) {
        var field = input.getAttribute('data-task-field');
        input.name = 'tasks[' + index + '].' + field;
        if (input.id) {
          input.id = 'tasks' + index + '.' + field;
        }
        if (field !== 'day') {
          input.value = '';
        }
      });
      button.parentNode.insertBefore(row, button);
      row.querySelector('[data-task-field="description"]').focus();
    });
  });
})();
