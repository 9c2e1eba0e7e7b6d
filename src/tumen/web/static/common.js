// Small helpers shared by every page. No inline scripts anywhere: the CSP forbids them.
(function () {
  "use strict";
  document.querySelectorAll("input.autosubmit").forEach(function (box) {
    box.addEventListener("change", function () { box.form.submit(); });
  });
})();

// The CSRF token of this session, for API writes made from a page.
window.tumenCsrf = function () {
  var meta = document.querySelector('meta[name="csrf"]');
  return meta ? meta.getAttribute("content") : "";
};
