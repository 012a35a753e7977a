/* maplace — progressive enhancement only. Pages work without this file.
   Loaded with <script src="/static/js/maplace.js" defer>. No dependencies. */
(function () {
  'use strict';

  // Lets CSS show controls that only make sense with JS (e.g. .password-toggle).
  document.documentElement.classList.add('js');

  /* ---------- Password show / hide ---------- */
  var LABEL_SHOW = 'Afficher';
  var LABEL_HIDE = 'Masquer';

  function passwordInputFor(button) {
    var wrap = button.closest('.password-field');
    return wrap ? wrap.querySelector('input[type="password"], input[data-password-visible]') : null;
  }

  function setVisible(button, input, visible) {
    input.type = visible ? 'text' : 'password';
    if (visible) {
      input.setAttribute('data-password-visible', '');
    } else {
      input.removeAttribute('data-password-visible');
    }
    button.setAttribute('aria-pressed', visible ? 'true' : 'false');
    button.textContent = visible ? LABEL_HIDE : LABEL_SHOW;
  }

  function initPasswordToggles() {
    var buttons = document.querySelectorAll('[data-password-toggle]');
    Array.prototype.forEach.call(buttons, function (button) {
      var input = passwordInputFor(button);
      if (!input) { return; }
      if (input.id && !button.hasAttribute('aria-controls')) {
        button.setAttribute('aria-controls', input.id);
      }
      setVisible(button, input, false);
      button.addEventListener('click', function (event) {
        event.preventDefault();
        setVisible(button, input, input.type === 'password');
        button.focus(); // keep focus on the toggle (Safari does not focus buttons on click)
      });
      // Never submit (or let the browser remember) a password while shown as text.
      if (input.form) {
        input.form.addEventListener('submit', function () {
          setVisible(button, input, false);
        });
      }
    });
  }

  /* ---------- Confirmation before submit: <form data-confirm="…"> ---------- */
  function initConfirm() {
    document.addEventListener('submit', function (event) {
      var form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-confirm')) { return; }
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    }, true); // capture: runs before other submit handlers
  }

  /* ---------- Password length helper ----------
     <input id="mdp" data-password-meter="12" minlength="12">
     <p data-password-meter-for="mdp" aria-live="polite"></p> */
  function minLengthOf(input) {
    var fromData = parseInt(input.getAttribute('data-password-meter'), 10);
    if (fromData > 0) { return fromData; }
    return input.minLength > 0 ? input.minLength : 12;
  }

  function meterText(count, min) {
    if (count >= min) { return 'Longueur suffisante'; }
    return min + ' caractères minimum — ' + count + (count > 1 ? ' saisis' : ' saisi');
  }

  function initPasswordMeters() {
    var inputs = document.querySelectorAll('input[data-password-meter]');
    Array.prototype.forEach.call(inputs, function (input) {
      if (!input.id) { return; }
      var selector = '[data-password-meter-for="' + (window.CSS && CSS.escape ? CSS.escape(input.id) : input.id) + '"]';
      var output = document.querySelector(selector);
      if (!output) { return; }
      var min = minLengthOf(input);
      var last = '';
      var update = function () {
        var text = meterText(Array.from(input.value).length, min); // count code points, not UTF-16 units
        if (text !== last) { output.textContent = text; last = text; } // avoid needless live-region chatter
      };
      input.addEventListener('input', update);
      update();
    });
  }

  /* ---------- Simulators: follow-up questions and printing ---------- */
  // A follow-up question (data-show-if="locataire", data-show-when="oui", or "a|b", or "250+"
  // for a number at least 250) shows only when its control has that answer. Without this
  // script every follow-up shows, and its label says when it applies.
  function conditionHolds(form, name, when) {
    var controls = form.querySelectorAll('[name="' + name + '"]');
    var value = '';
    Array.prototype.forEach.call(controls, function (control) {
      if (control.type === 'radio' || control.type === 'checkbox') {
        if (control.checked) { value = control.value; }
      } else {
        value = control.value;
      }
    });
    if (/\+$/.test(when)) {
      var n = parseInt(value.replace(/\s/g, ''), 10);
      return !isNaN(n) && n >= parseInt(when, 10);
    }
    return when.split('|').indexOf(value) !== -1;
  }

  function initConditionals() {
    var blocks = document.querySelectorAll('[data-show-if]');
    Array.prototype.forEach.call(blocks, function (block) {
      var form = block.closest('form');
      if (!form) { return; }
      var name = block.getAttribute('data-show-if');
      var when = block.getAttribute('data-show-when') || '';
      var update = function () {
        // Never hide a question that carries an error message.
        block.hidden = !conditionHolds(form, name, when) && !block.querySelector('[aria-invalid="true"]');
      };
      form.addEventListener('change', update);
      form.addEventListener('input', update);
      update();
    });
  }

  function initPrint() {
    var buttons = document.querySelectorAll('[data-print]');
    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener('click', function () { window.print(); });
    });
    // Closed <details> would print empty: open them for the paper.
    window.addEventListener('beforeprint', function () {
      Array.prototype.forEach.call(document.querySelectorAll('details:not([open])'), function (d) {
        d.setAttribute('open', '');
        d.setAttribute('data-opened-for-print', '');
      });
    });
    window.addEventListener('afterprint', function () {
      Array.prototype.forEach.call(document.querySelectorAll('[data-opened-for-print]'), function (d) {
        d.removeAttribute('open');
        d.removeAttribute('data-opened-for-print');
      });
    });
  }

  /* ---------- Job suggestions while typing (the search box) ---------- */
  // <input data-suggest-jobs list="x">: from 2 characters, 200 ms after the last key, the
  // datalist offers the jobs the words name (GET /api/v1/search?kind=job). Without this file,
  // the box is a plain search box.
  function initJobSuggestions() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-suggest-jobs]'), function (input) {
      var list = document.getElementById(input.getAttribute('list'));
      if (!list) { return; }
      var timer = null;
      var asked = '';
      input.addEventListener('input', function () {
        window.clearTimeout(timer);
        var text = input.value.trim();
        if (text.length < 2 || text === asked) { return; }
        timer = window.setTimeout(function () {
          asked = text;
          fetch('/api/v1/search?kind=job&q=' + encodeURIComponent(text), {
            headers: { Accept: 'application/json' }, credentials: 'same-origin'
          }).then(function (response) {
            return response.ok ? response.json() : null;
          }).then(function (body) {
            if (!body || input.value.trim() !== text) { return; }
            list.textContent = '';
            body.results.slice(0, 8).forEach(function (job) {
              var option = document.createElement('option');
              option.value = job.title;
              list.appendChild(option);
            });
          }).catch(function () { /* suggestions are a convenience: keep the box as it is */ });
        }, 200);
      });
    });
  }

  function init() {
    initJobSuggestions();
    initPasswordToggles();
    initConfirm();
    initPasswordMeters();
    initConditionals();
    initPrint();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
