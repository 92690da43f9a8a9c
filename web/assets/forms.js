// Action forms: one click acts once (the button is disabled while the request runs; the idempotency key in the
// form makes a double submission act once anyway).
(function () {
  'use strict';
  document.querySelectorAll('form.action').forEach(function (form) {
    form.addEventListener('submit', function () {
      var button = form.querySelector('button[type="submit"]');
      if (button) setTimeout(function () { button.disabled = true; }, 0);
    });
  });
})();
