// Progressive enhancement only: every page works without this script.
// A select marked data-autosubmit submits its form when changed (page size, filters).
document.addEventListener("change", function (event) {
  var target = event.target;
  if (target instanceof HTMLSelectElement && target.dataset.autosubmit !== undefined && target.form) {
    target.form.requestSubmit();
  }
});
