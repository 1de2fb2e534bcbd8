// The site's only script besides htmx (the Content-Security-Policy allows no inline script):
// a <select data-submit-on-change> sends its form when a choice is made (the language).
document.addEventListener("change", (event) => {
  const field = event.target;
  if (field instanceof HTMLSelectElement && field.hasAttribute("data-submit-on-change")) {
    field.form.submit();
  }
});
