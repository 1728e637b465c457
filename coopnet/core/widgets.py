"""The rich-text editor: a textarea that becomes a small word-processor when JavaScript runs.

`RichTextEditor` renders a plain GOV.UK textarea, so without JavaScript a person types the allowed
HTML (the field's help text says which). With JavaScript, `core/richtext.mjs` puts
django-prose-editor (Tiptap/ProseMirror, served from our static files) in its place: a toolbar
for headings, paragraphs, bulleted and numbered lists, bold, italic and links, and the shortcuts
Tiptap gives them (Ctrl+B, Ctrl+I, "## " for a heading, "- " for a list). The hint beside the
field then says that in plain words. Both post the same field, and the server sanitises the HTML
exactly as before (`coopnet.core.richtext.sanitise`): the editor is a convenience, never a filter.

Images already in a story are kept: the editor knows an image (and a quotation) although its
toolbar offers neither, so editing an old story does not drop them.

No inline script or style: the options travel in a `data-` attribute, and the editor is made
with Tiptap's own `<style>` turned off (the Content-Security-Policy refuses one).
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext, pgettext

# The toolbar's buttons, by the library's name for each (`data-name`), and their names for people
# (the library's own are English only). A button not named here is not offered, and is hidden.
_BUTTONS = {
    "paragraph": lambda: gettext("Paragraph"),
    "heading2": lambda: gettext("Heading"),
    "heading3": lambda: gettext("Subheading"),
    "bulletList": lambda: gettext("Bulleted list"),
    "orderedList": lambda: gettext("Numbered list"),
    "bold": lambda: gettext("Bold"),
    "italic": lambda: gettext("Italic"),
    "link": lambda: gettext("Add a link"),
    "unlink": lambda: gettext("Remove the link"),
    "history:undo": lambda: gettext("Undo"),
    "history:redo": lambda: gettext("Redo"),
}
# The strings of the library's link dialog (it asks `window.gettext` for them).
_DIALOG = {
    "URL": lambda: gettext("Web address"),
    "Title": lambda: pgettext("link", "Title (optional)"),
    "Edit Link": lambda: gettext("Link"),
    "Update": lambda: gettext("Save the link"),
    "Cancel": lambda: gettext("Cancel"),
}


class RichTextEditor(forms.Textarea):
    """A textarea of sanitised rich text. `hint` is the help shown once the editor runs (the
    field's `help_text` is for the plain textarea, and names the HTML it accepts)."""

    template_name = "forms/widgets/richtext.html"

    def __init__(self, attrs: dict[str, Any] | None = None, *, hint: str | Promise = "") -> None:
        super().__init__({"rows": 12, **(attrs or {})})
        self.hint = hint

    def options(self) -> dict[str, Any]:
        return {
            "hint": str(self.hint),
            "buttons": {name: label() for name, label in _BUTTONS.items()},
            "dialog": {text: label() for text, label in _DIALOG.items()},
            "toolbar": gettext("Formatting"),
        }

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-coopnet-richtext"] = json.dumps(
            self.options(), separators=(",", ":")
        )
        return context
