// The site's only script besides htmx (the Content-Security-Policy allows no inline script):
// a <select data-submit-on-change> sends its form when a choice is made (the language).
document.addEventListener("change", (event) => {
  const field = event.target;
  if (field instanceof HTMLSelectElement && field.hasAttribute("data-submit-on-change")) {
    field.form.submit();
  }
});

// A checkbox <input data-reveals="x"> shows the fields marked data-revealed-by="x" only while
// it is ticked (the join form's foreign-worker fields). Hidden fields are disabled, so they send
// nothing; fields already filled in (a form shown again) tick it. Without JavaScript every
// field stays shown and works.
document.querySelectorAll("input[type=checkbox][data-reveals]").forEach((box) => {
  const fields = [...document.querySelectorAll(`[data-revealed-by="${box.dataset.reveals}"]`)];
  const show = () => {
    fields.forEach((field) => {
      field.disabled = !box.checked;
      const group = field.closest("form > div") || field;
      group.hidden = !box.checked;
    });
  };
  if (fields.some((field) => field.value.trim())) box.checked = true;
  box.addEventListener("change", show);
  show();
});
