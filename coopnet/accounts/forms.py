from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from coopnet.core.forms import GovukForm, email_language_choices


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
