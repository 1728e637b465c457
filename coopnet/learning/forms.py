"""Forms for enrolments, inductions, self-assessments and peer reviews (GOV.UK markup)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coopnet.core.forms import GovukForm
from coopnet.members.models import Membership, Organisation, Person, Role

from .models import ActionAnswer, Framework


class DateInput(forms.DateInput):
    """A browser date picker; its value is always ISO (YYYY-MM-DD), whatever the language."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


def date_field(label: Any, required: bool = True, **kwargs: Any) -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=DateInput(), **kwargs)


class EnrolForm(GovukForm):
    organisation = forms.ModelChoiceField(
        label=_("For which organisation?"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("So the network can count take-up by member."),
    )

    def __init__(self, *args: Any, person: Person | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        if person is not None:
            roles = Role.objects.current_on(timezone.localdate()).filter(person=person)
            field.queryset = Organisation.objects.filter(
                pk__in=roles.values("organisation_id")
            ).order_by("name")


class CompleteForm(GovukForm):
    completed_on = date_field(_("Completed on"))
    certificate = forms.FileField(label=_("Certificate (PDF, optional)"), required=False)


class EvidenceForm(GovukForm):
    title = forms.CharField(label=_("What the file shows"), max_length=200)
    file = forms.FileField(
        label=_("File"), help_text=_("A PDF, PNG, JPEG or Word (DOCX) file, up to 10 MB.")
    )


class InviteForm(GovukForm):
    person = forms.ModelChoiceField(label=_("Colleague"), queryset=Person.objects.none())

    def __init__(self, *args: Any, colleagues: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["person"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = colleagues


class AssessmentForm(GovukForm):
    """A rating and evidence for every criterion, and the status of every action."""

    summary = forms.CharField(
        label=_("Summary"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args: Any, framework: Framework, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = list(framework.criteria.all())
        self.items = list(framework.actions.all())
        for c in self.criteria:
            levels = list(c.levels.all())
            choices = [("", gettext("Not rated yet"))] + [
                (str(lv.score), f"{lv.score} — {gettext(lv.name)}") for lv in levels
            ]
            self.fields[f"score_{c.pk}"] = forms.TypedChoiceField(
                label=f"{gettext(c.principle.name)}: {gettext(c.title)}",
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
            )
            self.fields[f"evidence_{c.pk}"] = forms.CharField(
                label=_("Evidence"),
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
            )
        for item in self.items:
            self.fields[f"action_{item.pk}"] = forms.ChoiceField(
                label=gettext(item.title),
                choices=ActionAnswer.Status.choices,
                initial=ActionAnswer.Status.NOT_STARTED,
            )
            self.fields[f"action_evidence_{item.pk}"] = forms.CharField(
                label=_("Evidence"), required=False, max_length=2000
            )


class LinkForm(GovukForm):
    case_studies = forms.ModelMultipleChoiceField(
        label=_("Case studies"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    projects = forms.ModelMultipleChoiceField(
        label=_("Funded projects"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, case_studies: Any, projects: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, qs in (("case_studies", case_studies), ("projects", projects)):
            field = self.fields[name]
            assert isinstance(field, forms.ModelMultipleChoiceField)
            field.queryset = qs


class SetupForm(GovukForm):
    organisation = forms.ModelChoiceField(
        label=_("Council to review"), queryset=Organisation.objects.none()
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        members = Membership.objects.current_on(timezone.localdate()).values("organisation_id")
        field.queryset = Organisation.objects.filter(pk__in=members).order_by("name")


class ReviewerForm(GovukForm):
    person = forms.ModelChoiceField(
        label=_("Reviewer"),
        queryset=Person.objects.none(),
        help_text=_(
            "Someone from another member council who has not declared a conflict of interest."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["person"]
        assert isinstance(field, forms.ModelChoiceField)
        roles = Role.objects.current_on(timezone.localdate())
        field.queryset = Person.objects.filter(pk__in=roles.values("person_id")).order_by(
            "full_name"
        )


class FindingsForm(GovukForm):
    findings = forms.CharField(label=_("Findings"), widget=forms.Textarea(attrs={"rows": 5}))
    recommendation = forms.CharField(
        label=_("Recommendation (optional)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    due_on = date_field(_("Action due on"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("recommendation") and not data.get("due_on"):
            self.add_error("due_on", gettext("Give the date the action is due."))
        return data


class AgreeForm(GovukForm):
    summary = forms.CharField(
        label=_("Summary of the report"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )


class PublishForm(GovukForm):
    publish = forms.TypedChoiceField(
        label=_("Publish the report?"),
        choices=[("yes", _("Yes, publish it")), ("no", _("No, keep it private"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )


class ActionCompleteForm(GovukForm):
    note = forms.CharField(
        label=_("What was done"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class ConflictForm(GovukForm):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.order_by("name")
    )
    reason = forms.CharField(
        label=_("What is the interest?"), widget=forms.Textarea(attrs={"rows": 3})
    )
