import { initAll } from "./govuk-frontend.min.js";

initAll();

// A long select (coopnet.core.forms.AutocompleteSelect) becomes a type-to-search field with
// GOV.UK's accessible-autocomplete, loaded before this module; without JavaScript it stays a
// plain select, and the form posts the same value either way.
const autocomplete = window.accessibleAutocomplete;
if (autocomplete) {
  for (const select of document.querySelectorAll("select[data-coopnet-autocomplete]")) {
    const chosen = select.options[select.selectedIndex];
    autocomplete.enhanceSelectElement({
      selectElement: select,
      // Nothing chosen yet: an empty field, not the placeholder's text.
      ...(chosen && chosen.value ? {} : { defaultValue: "" }),
      showAllValues: false,
      minLength: 1,
      autoselect: false,
      confirmOnBlur: true,
    });
  }
}

// A long list to choose several from (coopnet.core.forms.AutocompleteSelectMultiple): without
// JavaScript, GOV.UK checkboxes; here the boxes are hidden behind a type-to-search field that adds
// one, and a list of the chosen ones with a "Remove" button each. Adding and removing tick and
// untick the same boxes, so the form posts what it would without JavaScript. Every word comes
// from the fieldset's data attributes, translated by the server; "{name}" stands for the name.
const NAME = "{name}";

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function escapeHtml(text) {
  return element("span", "", text).innerHTML;
}

// "Ynys Môn" is found by typing "mon".
function folded(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

function enhancePicker(fieldset) {
  const say = fieldset.dataset;
  const boxes = [...fieldset.querySelectorAll("[data-coopnet-picker-options] input[type=checkbox]")];
  const names = new Map(
    boxes.map((box) => [box, document.querySelector(`label[for="${CSS.escape(box.id)}"]`)]),
  );
  // The search field takes the field's own id, which the first box had, so that the error
  // summary's link lands on it.
  const searchId = say.searchId;
  for (const [box, label] of names) {
    if (box.id === searchId) {
      box.id = `${searchId}_0`;
      label.htmlFor = box.id;
    }
    names.set(box, label.textContent.trim());
  }

  const label = element("label", "govuk-label", say.searchLabel);
  label.htmlFor = searchId;
  const hint = element("div", "govuk-hint", say.searchHint);
  const search = element("div", "coopnet-picker__search");
  const heading = element("p", "govuk-body govuk-!-font-weight-bold coopnet-picker__heading", say.chosenHeading);
  heading.id = `${searchId}-chosen`;
  const list = element("ul", "govuk-list coopnet-picker__chosen");
  list.setAttribute("aria-labelledby", heading.id);
  const none = element("p", "govuk-body coopnet-picker__none", say.noneChosen);
  const status = element("div", "govuk-visually-hidden coopnet-picker__status");
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  const panel = element("div", "coopnet-picker__panel");
  panel.append(label, hint, search, heading, list, none, status);
  fieldset.append(panel);
  fieldset.classList.add("coopnet-picker--enhanced");

  const searchInput = () => document.getElementById(searchId);
  const announce = (template, name) => {
    status.textContent = template.split(NAME).join(name);
  };

  function removeButton(box) {
    const name = names.get(box);
    const button = element("button", "govuk-link coopnet-link-button coopnet-picker__remove");
    button.type = "button";
    // "Remove" shows; the name is read out too, so each button says which one it removes.
    const [before, ...after] = say.remove.split(NAME);
    button.append(before, element("span", "govuk-visually-hidden", name), after.join(name));
    button.addEventListener("click", () => {
      const buttons = [...list.querySelectorAll("button")];
      const at = buttons.indexOf(button);
      box.checked = false;
      box.dispatchEvent(new Event("change", { bubbles: true }));
      draw();
      announce(say.removed, name);
      // Focus the next one's button, else the one before, else the search field.
      const left = list.querySelectorAll("button");
      (left[Math.min(at, left.length - 1)] || searchInput()).focus();
    });
    return button;
  }

  function draw() {
    const chosen = boxes.filter((box) => box.checked);
    list.replaceChildren(
      ...chosen.map((box) => {
        const item = element("li", "coopnet-picker__item");
        item.append(element("span", "coopnet-picker__name", names.get(box)), removeButton(box));
        return item;
      }),
    );
    list.hidden = chosen.length === 0;
    none.hidden = chosen.length > 0;
  }

  autocomplete({
    element: search,
    id: searchId,
    name: "",
    source: (query, populate) => {
      const wanted = folded(query);
      populate(boxes.filter((box) => !box.checked && folded(names.get(box)).includes(wanted)));
    },
    templates: {
      // The field empties once one is chosen, ready for the next.
      inputValue: () => "",
      suggestion: (box) => (box ? escapeHtml(names.get(box)) : ""),
    },
    onConfirm: (box) => {
      if (!box) return;
      box.checked = true;
      box.dispatchEvent(new Event("change", { bubbles: true }));
      draw();
      announce(say.added, names.get(box));
      // Back to the search field (a chosen option leaves the page with the menu).
      setTimeout(() => searchInput().focus(), 0);
    },
    showAllValues: false,
    minLength: 1,
    autoselect: false,
    confirmOnBlur: false,
    tNoResults: () => say.noResults,
    tAssistiveHint: () => `${say.searchHint} ${say.assistiveHint}`,
  });
  draw();
}

if (autocomplete) {
  for (const fieldset of document.querySelectorAll("fieldset[data-coopnet-picker]")) {
    enhancePicker(fieldset);
  }
}
