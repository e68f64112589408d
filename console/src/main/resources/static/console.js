// The console's only script of its own. Pages work without it (forms post, links navigate); htmx adds the live
// inbox and in-place filtering. This moves the keyboard focus to a refusal shown next to a form, so a person using a
// screen reader or the keyboard lands on what went wrong.
document.addEventListener('DOMContentLoaded', function () {
  var refusal = document.querySelector('[data-focus]');
  if (refusal) {
    refusal.focus();
  }
});
