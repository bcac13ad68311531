/* global window, document, Element, HTMLFormElement */
/* Small progressive enhancements; every page works without this file. */
(function () {
  'use strict';
  // "Use this answer": copy a suggestion into the answer box for the official to edit.
  document.addEventListener('click', function (e) {
    var b = e.target instanceof Element ? e.target.closest('[data-fill]') : null;
    if (!b) return;
    var box = document.getElementById(b.getAttribute('data-fill'));
    if (!box) return;
    box.value = b.getAttribute('data-text') || '';
    box.focus();
  });
  // Confirm before final or destructive actions (publish, reject, delete, disable).
  document.addEventListener('submit', function (e) {
    var f = e.target;
    var msg = f instanceof HTMLFormElement ? f.getAttribute('data-confirm') : null;
    if (msg && !window.confirm(msg)) e.preventDefault();
  });
})();
