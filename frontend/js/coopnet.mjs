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
