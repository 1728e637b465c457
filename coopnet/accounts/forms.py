from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from coopnet.core.forms import GovukForm, email_language_choices

from .api_scopes import SCOPES
from .api_tokens import DEFAULT_LIFETIME, LIFETIME_REFUSED, LIFETIMES


class EmailLanguageForm(GovukForm):
    language = forms.ChoiceField(
        label=_("Which language should we write to you in?"),
        choices=email_language_choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "Emails from the network (invoices, papers, elections, events) are written in this "
            "language. The pages follow the language you pick at the top of each page."
        ),
    )


class SignInLockForm(GovukForm):
    email = forms.EmailField(label=_("Email address of the account"))


class ApiTokenForm(GovukForm):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What will use it, so that you know which token to revoke later."),
    )
    scopes = forms.MultipleChoiceField(
        label=_("Which parts of the API may it read?"),
        choices=lambda: [(code, label) for code, label in SCOPES.items()],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one part of the API.")},
    )
    lifetime = forms.TypedChoiceField(
        label=_("How long should it work?"),
        choices=list(LIFETIMES.items()),
        coerce=int,
        initial=DEFAULT_LIFETIME,
        widget=forms.RadioSelect,
        help_text=_("After this it stops working, and you make a new one."),
        error_messages={"required": LIFETIME_REFUSED, "invalid_choice": LIFETIME_REFUSED},
    )
