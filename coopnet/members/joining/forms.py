"""Question pages of the joining journey and the staff decision forms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coopnet.core.forms import AutocompleteSelect, GovukForm

from ..models import ApplicantType, Application, MembershipCategory, Rating
from . import selectors
from .framework import Criterion

MAX_STATEMENT = 1000


def long_text(label: Any, help_text: Any = "", *, max_length: int = 4000) -> forms.CharField:
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=max_length,
        help_text=help_text,
    )


class ApplicantForm(GovukForm):
    applicant_name = forms.CharField(label=_("Full name"), max_length=200)
    applicant_email = forms.EmailField(
        label=_("Email address"),
        help_text=_("We send the link to your application here, so you can come back to it."),
    )
    applicant_job_title = forms.CharField(
        label=_("Job title or role"),
        required=False,
        max_length=200,
        help_text=_("For example, Cabinet Member for Communities"),
    )
    applicant_phone = forms.CharField(label=_("Telephone"), required=False, max_length=40)


class StartForm(ApplicantForm):
    applicant_type = forms.ChoiceField(
        label=_("Who is applying?"), choices=ApplicantType.choices, widget=forms.RadioSelect
    )
    field_order = ["applicant_type"]


class CategoryChoiceField(forms.ModelChoiceField[MembershipCategory]):
    def label_from_instance(self, obj: MembershipCategory) -> str:
        return f"{_(obj.name)} – {_(obj.description)}"


class OrganisationForm(GovukForm):
    """The organisation question page; build it with `organisation_form`, its fields depend on
    who is applying."""

    application: Application


def organisation_form(application: Application, *args: Any, **kwargs: Any) -> OrganisationForm:
    fields = organisation_fields(application)
    offered = selectors.categories_offered(application)
    if len(offered) > 1:
        fields["category"] = CategoryChoiceField(
            label=_("Which membership are you applying for?"),
            queryset=MembershipCategory.objects.filter(pk__in=[c.pk for c in offered]),
            widget=forms.RadioSelect,
            empty_label=None,
        )
    form_class = type("OrganisationForm", (OrganisationForm,), fields)
    form = form_class(*args, **kwargs)
    form.application = application
    return form


def organisation_fields(application: Application) -> dict[str, forms.Field]:
    kind = application.applicant_type
    if kind == ApplicantType.COUNCIL:
        return {
            "local_authority": forms.ModelChoiceField(
                label=_("Your council"),
                queryset=selectors.councils(),
                empty_label=_("Choose your council"),
                widget=AutocompleteSelect,
                help_text=_("Start typing the council's official name and choose it."),
            )
        }
    name_labels: dict[str, Any] = {
        ApplicantType.LOCAL_COUNCIL: _("Name of the town, parish or community council"),
        ApplicantType.POLITICAL_GROUP: _("Name of the political group"),
    }
    name_label = name_labels.get(kind, _("Name of the organisation"))
    fields: dict[str, forms.Field] = {
        "organisation_name": forms.CharField(label=name_label, max_length=200)
    }
    if kind in (ApplicantType.LOCAL_COUNCIL, ApplicantType.POLITICAL_GROUP):
        fields["area_authority"] = forms.ModelChoiceField(
            label=(
                _("The council the group sits on")
                if kind == ApplicantType.POLITICAL_GROUP
                else _("The principal council for your area")
            ),
            queryset=selectors.council_areas(),
            empty_label=_("Choose a council"),
            widget=AutocompleteSelect,
        )
    fields["website"] = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    if kind == ApplicantType.AFFILIATE:
        fields["registered_id"] = forms.CharField(
            label=_("Company or charity number"),
            required=False,
            max_length=60,
            help_text=_("For example, GB-COH-01234567"),
        )
    fields["address"] = forms.CharField(
        label=_("Postal address"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    fields["description"] = forms.CharField(
        label=_("What the organisation does"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=2000,
    )
    return fields


class ContactsForm(GovukForm):
    invoice_name = forms.CharField(label=_("Invoice contact: full name"), max_length=200)
    invoice_email = forms.EmailField(
        label=_("Invoice contact: email address"),
        help_text=_("Membership invoices are sent here each September."),
    )
    invoice_phone = forms.CharField(
        label=_("Invoice contact: telephone"), required=False, max_length=40
    )
    purchase_order = forms.CharField(
        label=_("Purchase order reference"),
        required=False,
        max_length=60,
        help_text=_("If your finance team needs one on the invoice."),
    )
    voting_name = forms.CharField(label=_("Voting contact: full name"), max_length=200)
    voting_email = forms.EmailField(
        label=_("Voting contact: email address"),
        help_text=_("The person who votes for you in the network's elections."),
    )
    voting_job_title = forms.CharField(
        label=_("Voting contact: role"),
        required=False,
        max_length=200,
        help_text=_("For example, Leader of the Council"),
    )


class PrincipleForm(GovukForm):
    rating = forms.TypedChoiceField(
        label=_("How far does this principle describe how you work today?"),
        choices=Rating.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )
    statement = forms.CharField(
        label=_("Tell us briefly what you do, or plan to do"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=MAX_STATEMENT,
        help_text=_("No more than 1000 characters."),
    )

    def __init__(self, *args: Any, criterion: Criterion | None = None, **kwargs: Any) -> None:
        """With the framework's criterion for the principle, the applicant rates against its
        levels, each described, and reads its guidance."""
        super().__init__(*args, **kwargs)
        self.criterion = criterion
        if criterion is not None and criterion.levels:
            field = self.fields["rating"]
            assert isinstance(field, forms.TypedChoiceField)
            field.label = gettext(criterion.title)
            field.help_text = gettext(criterion.guidance)
            field.choices = [
                (lv.score, f"{gettext(lv.name)}: {gettext(lv.description)}")
                for lv in criterion.levels
            ]


class DeclarationForm(GovukForm):
    confirm = forms.BooleanField(
        label=_("I confirm the answers are correct and I may apply on the applicant's behalf"),
        error_messages={"required": _("Confirm the answers before you send the application")},
    )


class AnswerForm(GovukForm):
    text = long_text(_("Your answer"))


class ResumeForm(GovukForm):
    email = forms.EmailField(label=_("Email address you applied with"))


class QuestionForm(GovukForm):
    question = long_text(
        _("What do you need to know?"),
        _("The applicant is emailed this and answers through their application link."),
    )


class DeclineForm(GovukForm):
    reason = long_text(_("Reason for declining"), _("The applicant is emailed this reason."))


class ApproveForm(GovukForm):
    decided_on = forms.DateField(
        label=_("Date of the decision"),
        help_text=_("The membership starts on this date. For example, 2026-09-01"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"decided_on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class NoticeForm(GovukForm):
    reason = long_text(
        _("Why are you leaving?"),
        _("This is kept with the membership's history. Only the network's staff see it."),
        max_length=250,
    )
    confirm = forms.BooleanField(
        label=_("I confirm that we are giving notice to leave the network"),
        error_messages={"required": _("Confirm that you are giving notice")},
    )
