// Type-ahead for every long choice (core/forms.py draws the fields; no inline script, no
// library). Without this file each field is the plain one it stands on: a <select>, a code box,
// a list of checkboxes or the "CODE: n" lines.
//
//   <select data-combobox>         a text box filters the options (tones ignored); picking one
//                                  sets the select, which stays the form's value
//   <input data-lookup="URL">      the box asks URL?q=… (the user's scope answers) and shows names;
//     data-lookup-mode="one"       picking puts the code in the field (typing a code still works)
//     data-lookup-mode="list"      picking adds the code to the field's comma-separated list
//   <textarea data-lookup="URL" data-lookup-mode="lines">  picking a unit and a number adds or
//                                  replaces its "CODE: n" line
//   <div class="choice-filter">    a box above a list of checkboxes hides those that do not match
//
// Keyboard: ↓/↑ move in the list, Enter picks, Escape closes; a tap picks too.
(() => {
  "use strict";
  const MAX_SHOWN = 50;
  const WAIT_MS = 180;
  let made = 0;

  const fold = (text) =>
    (text || "")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d")
      .toLowerCase()
      .replace(/\s+/g, " ")
      .trim();

  const matches = (label, words) => {
    const folded = " " + fold(label).replace(/[^a-z0-9]+/g, " ");
    return words.every((word) => folded.includes(" " + word));
  };

  const element = (tag, props = {}, attrs = {}) => {
    const node = Object.assign(document.createElement(tag), props);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    return node;
  };

  // One text box with its list box, whatever it searches: `source(text)` gives a promise of
  // [{value, name, detail}], `onPick(item)` is told the choice.
  function combobox(field, { source, onPick, label, placeholder }) {
    const id = `ta${++made}`;
    const wrap = element("div", { className: "typeahead" });
    const box = element("input", { type: "text", id: `${id}-box`, className: "typeahead-box" }, {
      role: "combobox",
      "aria-autocomplete": "list",
      "aria-expanded": "false",
      "aria-controls": `${id}-list`,
      autocomplete: "off",
      spellcheck: "false",
    });
    if (placeholder) box.placeholder = placeholder;
    if (label) box.setAttribute("aria-label", label);
    const described = field.getAttribute("aria-describedby");
    if (described) box.setAttribute("aria-describedby", described);
    const list = element("ul", { id: `${id}-list`, hidden: true, className: "typeahead-list" }, {
      role: "listbox",
    });
    const status = element("span", { className: "typeahead-status" }, {
      role: "status",
      "aria-live": "polite",
    });
    wrap.append(box, list, status);
    let items = [];
    let active = -1;
    let timer = null;
    let asked = 0;

    const close = () => {
      list.hidden = true;
      box.setAttribute("aria-expanded", "false");
      box.removeAttribute("aria-activedescendant");
      active = -1;
    };
    const mark = (index) => {
      active = index;
      [...list.children].forEach((li, i) => li.setAttribute("aria-selected", String(i === index)));
      if (index >= 0) {
        const li = list.children[index];
        box.setAttribute("aria-activedescendant", li.id);
        li.scrollIntoView({ block: "nearest" });
      } else {
        box.removeAttribute("aria-activedescendant");
      }
    };
    const pick = (index) => {
      const item = items[index];
      if (!item) return;
      close();
      onPick(item, box);
    };
    const show = (found) => {
      items = found.slice(0, MAX_SHOWN);
      list.replaceChildren(
        ...items.map((item, i) => {
          const li = element("li", { id: `${id}-o${i}` }, { role: "option", "aria-selected": "false" });
          li.append(element("span", { className: "name", textContent: item.name }));
          const more = [item.code, item.detail].filter(Boolean).join(" · ");
          if (more) li.append(element("span", { className: "muted", textContent: more }));
          li.addEventListener("pointerdown", (event) => event.preventDefault()); // keep focus
          li.addEventListener("click", () => pick(i));
          return li;
        }),
      );
      if (!items.length && field.dataset.lookupEmpty) {
        list.replaceChildren(element("li", { className: "muted", textContent: field.dataset.lookupEmpty }));
      }
      status.textContent = field.dataset.lookupCount
        ? field.dataset.lookupCount.replace("%s", String(items.length))
        : "";
      list.hidden = false;
      box.setAttribute("aria-expanded", "true");
      mark(items.length ? 0 : -1);
    };
    const ask = (text) => {
      const mine = ++asked;
      Promise.resolve(source(text))
        .then((found) => {
          if (mine === asked && document.activeElement === box) show(found);
        })
        .catch(() => {});
    };
    box.addEventListener("input", () => {
      clearTimeout(timer);
      const text = box.value.trim();
      if (!text && !field.matches("select")) return close();
      timer = setTimeout(() => ask(text), field.matches("select") ? 0 : WAIT_MS);
    });
    box.addEventListener("keydown", (event) => {
      const open = !list.hidden && items.length;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (!open) return ask(box.value.trim());
        mark(Math.min(active + 1, items.length - 1));
      } else if (event.key === "ArrowUp" && open) {
        event.preventDefault();
        mark(Math.max(active - 1, 0));
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault();
        pick(active);
      } else if (event.key === "Escape" && !list.hidden) {
        event.preventDefault();
        close();
      }
    });
    box.addEventListener("blur", close);
    return { wrap, box };
  }

  // The field's <label> names the new box instead (the field itself is hidden or secondary).
  function relabel(field, box) {
    const label = field.id && document.querySelector(`label[for="${CSS.escape(field.id)}"]`);
    if (label) {
      label.htmlFor = box.id;
      box.removeAttribute("aria-label");
    }
  }

  function lookup(field) {
    const base = field.dataset.lookup;
    const extra = field.dataset.lookupParams ? `&${field.dataset.lookupParams}` : "";
    return (text) =>
      fetch(`${base}?q=${encodeURIComponent(text)}&limit=10${extra}`, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
        .then((answer) => (answer.ok ? answer.json() : { results: [] }))
        .then((body) => (body.results || []).map((r) => ({ ...r, value: r.code })));
  }

  const shownAs = (item) => (item.code ? `${item.name} · ${item.code}` : item.name);

  // <select data-combobox>: the options, filtered here; the select keeps the value.
  function enhanceSelect(select) {
    // read each time: htmx may replace the options (the wards of the province chosen)
    const options = () => [...select.options].filter((o) => o.value !== "");
    const source = (text) => {
      const words = fold(text).split(" ").filter(Boolean);
      return options()
        .filter((o) => !words.length || matches(o.text, words))
        .map((o) => ({ value: o.value, name: o.text, detail: "" }));
    };
    const { wrap, box } = combobox(select, {
      source,
      label: select.dataset.lookupLabel,
      placeholder: select.dataset.lookupPlaceholder,
      onPick: (item, input) => {
        select.value = item.value;
        input.value = item.name;
        select.dispatchEvent(new Event("change", { bubbles: true }));
      },
    });
    box.value = select.selectedIndex >= 0 && select.value ? select.options[select.selectedIndex].text : "";
    box.required = select.required;
    select.required = false;
    box.addEventListener("input", () => {
      const exact = options().find((o) => fold(o.text) === fold(box.value));
      if (exact) select.value = exact.value;
      else select.selectedIndex = -1;
    });
    box.addEventListener("focus", () => box.select());
    select.addEventListener("htmx:afterSwap", () => {
      box.value = select.value ? select.options[select.selectedIndex].text : "";
    });
    select.hidden = true;
    select.before(wrap);
    relabel(select, box);
  }

  // <input data-lookup-mode="one">: the box shows the name; the field, hidden, keeps the code.
  function enhanceCode(input) {
    const source = lookup(input);
    const { wrap, box } = combobox(input, {
      source,
      placeholder: input.dataset.lookupPlaceholder,
      onPick: (item, shown) => {
        input.value = item.code;
        shown.value = shownAs(item);
      },
    });
    box.value = input.value;
    box.required = input.required;
    box.maxLength = 200;
    input.required = false;
    box.addEventListener("input", () => {
      input.value = box.value.trim();
    });
    if (input.value.trim()) {
      source(input.value.trim()).then((found) => {
        const same = found.find((r) => r.code.toUpperCase() === input.value.trim().toUpperCase());
        if (same && box.value === input.value) box.value = shownAs(same);
      });
    }
    input.hidden = true;
    input.before(wrap);
    relabel(input, box);
  }

  // list and lines modes: a search box above the field, which stays as it is and editable.
  function enhanceHelper(field) {
    const lines = field.dataset.lookupMode === "lines";
    const row = element("div", { className: "typeahead-row" });
    let chosen = null;
    const { wrap, box } = combobox(field, {
      source: lookup(field),
      label: field.dataset.lookupLabel,
      placeholder: field.dataset.lookupPlaceholder,
      onPick: (item, shown) => {
        if (lines) {
          chosen = item;
          shown.value = shownAs(item);
          count.focus();
        } else {
          add(item.code, null);
          shown.value = "";
        }
      },
    });
    const count = element("input", { type: "number", min: "0", className: "short" }, {
      "aria-label": field.dataset.lookupCountLabel || "",
      placeholder: field.dataset.lookupCountLabel || "",
      inputmode: "numeric",
    });
    const button = element("button", { type: "button", className: "secondary", textContent: field.dataset.lookupAdd || "+" });
    const add = (code, number) => {
      const kept = field.value.split(lines ? /\n/ : /,/).map((part) => part.trim()).filter(Boolean);
      const key = code.toUpperCase();
      const others = kept.filter((part) => part.split(":")[0].trim().toUpperCase() !== key);
      field.value = lines ? [...others, `${code}: ${number}`].join("\n") : [...others, code].join(", ");
      field.dispatchEvent(new Event("input", { bubbles: true }));
    };
    const addChosen = () => {
      const number = count.value.trim();
      if (!chosen || !/^\d+$/.test(number)) return (chosen ? count : box).focus();
      add(chosen.code, number);
      chosen = null;
      box.value = count.value = "";
      box.focus();
    };
    button.addEventListener("click", addChosen);
    count.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        addChosen();
      }
    });
    box.addEventListener("input", () => {
      chosen = null;
    });
    row.append(wrap);
    if (lines) row.append(count, button);
    field.before(row);
  }

  // <div class="choice-filter">: checkboxes hidden while they do not match the words typed.
  function enhanceChecks(group) {
    const first = group.querySelector("input") || group;
    const box = element("input", { type: "search", className: "typeahead-box" }, {
      "aria-controls": group.id,
      "aria-label": first.dataset.lookupLabel || "",
      placeholder: first.dataset.lookupPlaceholder || "",
    });
    box.addEventListener("input", () => {
      const words = fold(box.value).split(" ").filter(Boolean);
      for (const choice of group.querySelectorAll("label")) {
        choice.parentElement.hidden = !(choice.querySelector("input")?.checked || matches(choice.textContent, words));
      }
    });
    group.before(box);
  }

  function enhance(root) {
    root.querySelectorAll("select[data-combobox]:not([data-ta])").forEach((node) => {
      node.dataset.ta = "1";
      enhanceSelect(node);
    });
    root.querySelectorAll("[data-lookup]:not([data-ta])").forEach((node) => {
      node.dataset.ta = "1";
      (node.dataset.lookupMode === "one" ? enhanceCode : enhanceHelper)(node);
    });
    root.querySelectorAll("div.choice-filter:not([data-ta])").forEach((node) => {
      node.dataset.ta = "1";
      enhanceChecks(node);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => enhance(document));
  } else {
    enhance(document);
  }
  document.addEventListener("htmx:load", (event) => enhance(event.target));
})();
