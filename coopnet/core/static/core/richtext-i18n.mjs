// The words of django-prose-editor's link dialog, in the page's language. The library asks
// `window.gettext` for them once, when its module is first evaluated, so this module is imported
// before it (core/richtext.mjs). The words come from the field (coopnet.core.widgets).
const field = document.querySelector("textarea[data-coopnet-richtext]");
const dialog = field ? JSON.parse(field.dataset.coopnetRichtext).dialog || {} : {};
if (typeof window.gettext !== "function") {
  window.gettext = (text) => dialog[text] || text;
}
