"""Confirmation on a page of its own before a destructive or irreversible action.

A view that ends, removes or moves something on for good answers GET (and any POST that does not
carry the confirmation) with a page saying what will happen; only a POST from that page, with its
`confirm=yes` and any acknowledgement the warnings ask for, goes through:

    form = confirm_form(request)
    if form.is_valid():
        ...  # call the service, message, redirect
    return confirmation_page(request, form, heading=..., action=..., cancel_url=...)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .forms import GovukForm

Text = str | Promise


class ConfirmForm(GovukForm):
    """The confirmation (a hidden `confirm=yes`) and, when a warning asks for it, a box to tick."""

    confirm = forms.CharField(widget=forms.HiddenInput, initial="yes", required=False)

    def __init__(self, *args: Any, acknowledge: Text | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if acknowledge:
            self.fields["acknowledge"] = forms.BooleanField(
                label=str(acknowledge),
                required=True,
                error_messages={
                    "required": _("Tick the box to confirm you have read the warning.")
                },
            )

    def clean_confirm(self) -> str:
        value = self.cleaned_data.get("confirm", "")
        if value != "yes":
            # A POST from anywhere but the confirmation page: show the page, change nothing.
            raise forms.ValidationError(_("Confirm on this page to go ahead."), code="unconfirmed")
        return value


def confirm_form(request: HttpRequest, *, acknowledge: Text | None = None) -> ConfirmForm:
    """Bound only to a POST sent from the confirmation page; any other request (a GET, or a POST
    without `confirm=yes`) gets the page, with nothing changed and no error shown."""
    confirmed = request.method == "POST" and request.POST.get("confirm") == "yes"
    return ConfirmForm(request.POST if confirmed else None, acknowledge=acknowledge)


def confirmation_page(
    request: HttpRequest,
    form: ConfirmForm,
    *,
    heading: Text,
    action: Text,
    cancel_url: str,
    caption: Text = "",
    consequences: Iterable[Text] = (),
    warnings: Iterable[Text] = (),
    hidden: Mapping[str, Any] | None = None,
    destructive: bool = True,
    template: str = "confirm_page.html",
    extra: Mapping[str, Any] | None = None,
) -> HttpResponse:
    context = {
        "form": form,
        "heading": heading,
        "action": action,
        "cancel_url": cancel_url,
        "caption": caption,
        "consequences": list(consequences),
        "warnings": list(warnings),
        "hidden": dict(hidden or {}),
        "destructive": destructive,
        **(extra or {}),
    }
    return render(request, template, context)
