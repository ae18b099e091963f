// Filters for the findings: by rule family and severity, and an option to
// show only the bullets that have findings. Without JavaScript the form
// stays hidden and every finding shows.
(function () {
  "use strict";
  var form = document.querySelector("form.filters");
  if (!form) {
    return;
  }
  var findings = Array.prototype.slice.call(
    document.querySelectorAll(".annotated .finding")
  );
  var bullets = Array.prototype.slice.call(
    document.querySelectorAll(".annotated .bullet")
  );
  var output = form.querySelector("output");
  function chosen(name) {
    var on = {};
    Array.prototype.forEach.call(
      form.querySelectorAll('input[name="' + name + '"]'),
      function (input) {
        on[input.value] = input.checked;
      }
    );
    return on;
  }
  function apply() {
    var family = chosen("family");
    var severity = chosen("severity");
    var only = form.querySelector('input[name="only"]').checked;
    var shown = 0;
    findings.forEach(function (f) {
      var visible =
        family[f.getAttribute("data-family")] !== false &&
        severity[f.getAttribute("data-severity")] !== false;
      f.hidden = !visible;
      if (visible) {
        shown += 1;
      }
    });
    bullets.forEach(function (b) {
      b.hidden = only && !b.querySelector(".finding:not([hidden])");
    });
    if (output) {
      output.textContent = shown + " of " + findings.length + " findings shown";
    }
  }
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) {
    e.preventDefault();
  });
  form.hidden = false;
  apply();
})();
