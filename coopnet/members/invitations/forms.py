from __future__ import annotations

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from coopnet.accounts.roles import LEAST_PRIVILEGED_ROLE, UserRole
from coopnet.core.forms import GovukForm

from ..models import Organisation


class InvitationForm(GovukForm):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(
        label=_("Access role"),
        choices=UserRole.choices,
        initial=LEAST_PRIVILEGED_ROLE,
        help_text=_(
            "Choose the least access the person needs. Network admin and Finance officer are "
            "confirmed on the next page."
        ),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        help_text=_("Required for member organisation officers and affiliate contacts."),
    )


class AcceptInvitationForm(GovukForm):
    password1 = forms.CharField(
        label=_("Create a password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters; not a common password."),
    )
    password2 = forms.CharField(
        label=_("Confirm password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The passwords do not match."))
        if p1:
            try:
                password_validation.validate_password(str(p1))
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return data
