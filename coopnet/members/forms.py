from __future__ import annotations

from collections.abc import Callable
from functools import cached_property, partial

from django import forms
from django.core import signing
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from coopnet.core.forms import GovukForm, email_language_choices

from .models import OrganisationKind, RoleKind
from .selectors import categories, directory_nations, directory_regions


class DirectoryFilterForm(GovukForm):
    hide_optional = True

    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    category = forms.ChoiceField(label=_("Membership category"), required=False)
    kind = forms.ChoiceField(label=_("Type of organisation"), required=False)
    nation = forms.ChoiceField(label=_("Nation"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        # The regions offered are those of the chosen nation (all of them when none is chosen):
        # choose a nation and apply the filters, and the region list narrows, without JavaScript.
        self._nation = str(self.data.get("nation", "")) if self.is_bound else ""
        region = str(self.data.get("region", "")) if self.is_bound else ""
        if region and region not in self._regions:
            # a region left over from another nation is dropped, not an error
            data = QueryDict(mutable=True)
            data.update(self.data)
            data["region"] = ""
            self.data = data
        # Read when the form is rendered or checked, not before: a page that has its filters
        # remembered (`same_for_everyone`) does not read them at all.
        choices: dict[str, Callable[[], list[tuple[str, object]]]] = {
            "category": lambda: [(c.code, _(c.name)) for c in categories()],
            "kind": lambda: list(OrganisationKind.choices),
            "nation": lambda: [(n, _(n)) for n in self._nations],
            "region": lambda: [(r, _(r)) for r in self._regions],
        }
        for name, options in choices.items():
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = partial(self._choices, name, options)

    def _choices(
        self, name: str, options: Callable[[], list[tuple[str, object]]]
    ) -> list[tuple[str, object]]:
        """A field's choices, read once (rendering and checking ask for them again)."""
        if name not in self._read:
            self._read[name] = [("", _("Any")), *options()]
        return self._read[name]

    @cached_property
    def _read(self) -> dict[str, list[tuple[str, object]]]:
        return {}

    @cached_property
    def _nations(self) -> list[str]:
        return directory_nations()

    @cached_property
    def _regions(self) -> list[str]:
        return directory_regions(self._nation if self._nation in self._nations else "")


class OrganisationProfileForm(GovukForm):
    description = forms.CharField(
        label=_("About the organisation"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    email = forms.EmailField(
        label=_("General email address"),
        required=False,
        help_text=_("Shown only to the network's staff, never published."),
    )
    phone = forms.CharField(label=_("Telephone"), required=False, max_length=40)
    address = forms.CharField(
        label=_("Postal address"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    # The profile as the page showed it (signed), so that only what this person changed is
    # saved, and a change someone else saved meanwhile is never written back over.
    shown = forms.CharField(widget=forms.HiddenInput, required=False)

    SALT = "members.profile-shown"

    @classmethod
    def sign(cls, values: dict[str, str]) -> str:
        return signing.dumps(values, salt=cls.SALT)

    def shown_values(self) -> dict[str, str] | None:
        """What the page showed, or None when the form did not say (or the value was forged)."""
        try:
            values = signing.loads(self.cleaned_data.get("shown") or "", salt=self.SALT)
        except signing.BadSignature:
            return None
        return values if isinstance(values, dict) else None


class ContactForm(GovukForm):
    honorific = forms.CharField(
        label=_("Title"), required=False, max_length=40, help_text=_("For example, Cllr")
    )
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    kind = forms.ChoiceField(label=_("Role"), choices=RoleKind.choices)
    title = forms.CharField(
        label=_("Job title"),
        required=False,
        max_length=200,
        help_text=_("For example, Cabinet Member for Housing"),
    )
    email = forms.EmailField(label=_("Email address"), required=False)
    phone = forms.CharField(label=_("Telephone"), required=False, max_length=40)
    consent_to_contact = forms.BooleanField(
        label=_("This person agrees to be contacted by the network"), required=False
    )
    language = forms.ChoiceField(
        label=_("Language for emails"),
        choices=email_language_choices,
        required=False,
        help_text=_("If they sign in, the language they choose for themselves is used."),
    )
    is_public = forms.BooleanField(
        label=_("Show this person's name and role on the public organisation page"),
        required=False,
        help_text=_("Contact details are never shown publicly."),
    )
