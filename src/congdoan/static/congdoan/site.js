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

// A form refused by a redirect back to its page loses nothing typed: what a posted form held is
// kept in the tab's sessionStorage until the next page, and given back to the same form (same
// action) when that page says why it refused (a message `.msg.error`). Passwords, codes, files,
// hidden fields and fields marked data-keep-nothing (a member activating on a shared phone) are
// never kept; the entry goes as soon as the next page reads it.
const TYPED = "congdoan:typed";
const keptFields = (form) =>
  [...form.elements].filter(
    (field) =>
      field.name &&
      !["password", "hidden", "file", "submit", "button"].includes(field.type) &&
      field.autocomplete !== "one-time-code" &&
      !field.closest("[data-keep-nothing]"),
  );

document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.method !== "post" || form.hasAttribute("hx-post")) {
    return;
  }
  const values = {};
  keptFields(form).forEach((field) => {
    if (field.type === "checkbox" || field.type === "radio") {
      values[field.name] = values[field.name] || [];
      if (field.checked) values[field.name].push(field.value);
    } else if (field instanceof HTMLSelectElement && field.multiple) {
      values[field.name] = [...field.selectedOptions].map((option) => option.value);
    } else {
      values[field.name] = field.value;
    }
  });
  sessionStorage.setItem(TYPED, JSON.stringify({ action: form.action, at: Date.now(), values }));
});

(() => {
  const kept = JSON.parse(sessionStorage.getItem(TYPED) || "null");
  sessionStorage.removeItem(TYPED);
  if (!kept || Date.now() - kept.at > 120000 || !document.querySelector(".msg.error")) return;
  const form = [...document.forms].find((each) => each.action === kept.action);
  if (!form) return;
  keptFields(form).forEach((field) => {
    const value = kept.values[field.name];
    if (value === undefined) return;
    if (field.type === "checkbox" || field.type === "radio") {
      field.checked = value.includes(field.value);
    } else if (field instanceof HTMLSelectElement && field.multiple) {
      [...field.options].forEach((option) => (option.selected = value.includes(option.value)));
    } else {
      field.value = value;
    }
  });
})();
