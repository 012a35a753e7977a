/* The advisors' global search (issue 8): results as one types, from 2 characters, 200 ms after
   the last key, from GET /api/v1/conseil/recherche. Without this file the box is a plain
   search form (/conseil/recherche). */
(function () {
  'use strict';

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-crm-search]'), function (input) {
      var list = document.getElementById(input.getAttribute('data-crm-search'));
      if (!list) { return; }
      var timer = null;
      var asked = '';
      input.addEventListener('input', function () {
        window.clearTimeout(timer);
        var text = input.value.trim();
        if (text.length < 2) { list.textContent = ''; asked = ''; return; }
        if (text === asked) { return; }
        timer = window.setTimeout(function () {
          asked = text;
          fetch('/api/v1/conseil/recherche?q=' + encodeURIComponent(text), {
            headers: { Accept: 'application/json' }, credentials: 'same-origin'
          }).then(function (response) {
            return response.ok ? response.json() : null;
          }).then(function (body) {
            if (!body || input.value.trim() !== text) { return; }
            list.textContent = '';
            body.results.forEach(function (hit) {
              var item = document.createElement('li');
              var link = document.createElement('a');
              link.href = hit.url;
              link.textContent = hit.name;
              item.appendChild(link);
              if (hit.detail) {
                var detail = document.createElement('span');
                detail.className = 'meta';
                detail.textContent = ' ' + hit.detail;
                item.appendChild(detail);
              }
              list.appendChild(item);
            });
            if (!body.results.length) {
              var none = document.createElement('li');
              none.textContent = 'Aucun résultat.';
              list.appendChild(none);
            }
          }).catch(function () { /* a convenience: the form still works */ });
        }, 200);
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
