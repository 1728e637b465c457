from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from coopnet.core.forms import GovukForm

from .services import REASON_MAX


class PersonSearchForm(GovukForm):
    q = forms.CharField(
        label=_("Name or email address"), max_length=200, required=False, strip=True
    )


class AccessRequestForm(GovukForm):
    reason = forms.CharField(
        label=_("The request"),
        help_text=_("Who asked, when and how, for example: 'Emailed by the person on 3 March'."),
        max_length=REASON_MAX,
    )


class EraseForm(GovukForm):
    confirm = forms.CharField(
        label=_("Type the person's full name to confirm"), max_length=200, strip=True
    )
    reason = forms.CharField(
        label=_("Why"),
        help_text=_("For example: 'Asked to be forgotten, email of 3 March'."),
        max_length=REASON_MAX,
    )
