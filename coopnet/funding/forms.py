"""Forms for rounds, bids, reviews, decisions and projects (GOV.UK markup)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coopnet.core.forms import GovukForm, MoneyField
from coopnet.core.models import Principle
from coopnet.governance.selectors import agenda_items_of_joint_meetings, joint_meetings
from coopnet.knowledge.selectors import publications_by_title
from coopnet.members.models import Organisation, Person

from .models import Decision, Project, Scheme
from .selectors import reviewers_on

if TYPE_CHECKING:
    from coopnet.governance.models import AgendaItem


def money_field(label: Any, *, required: bool = True, help_text: Any = "") -> MoneyField:
    return MoneyField(label=label, required=required, help_text=help_text, minimum=Decimal("0.01"))


class DateInput(forms.DateInput):
    """A browser date picker; its value is always ISO (YYYY-MM-DD), whatever the language."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


def date_field(label: Any, required: bool = True, **kwargs: Any) -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=DateInput(), **kwargs)


class RoundForm(GovukForm):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    theme = forms.CharField(label=_("Theme"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    opens_on = date_field(_("Opens on"))
    closes_on = date_field(
        _("Closes on"), help_text=_("Bids are accepted until the end of this day.")
    )
    lab_pot = money_field(_("Pot for Policy Labs (£)"))
    prototype_pot = money_field(_("Pot for Policy Prototypes (£)"))
    criteria = forms.CharField(
        label=_("Review criteria"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "One criterion a line. Each is scored from 0 to 5 and published with the round."
        ),
    )


class NewBidForm(GovukForm):
    scheme = forms.ModelChoiceField(
        label=_("Scheme"), queryset=Scheme.objects.order_by("order"), empty_label=None
    )
    lead = forms.ModelChoiceField(
        label=_("Lead organisation"), queryset=Organisation.objects.none(), required=False
    )
    led_by_network = forms.BooleanField(
        label=_("The network itself leads this project (for example a study visit)"), required=False
    )
    title = forms.CharField(label=_("Project title"), max_length=200)

    def __init__(self, *args: Any, leads: Any, network: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        lead = self.fields["lead"]
        assert isinstance(lead, forms.ModelChoiceField)
        lead.queryset = leads
        lead.empty_label = None if not network else "—"
        if not network:
            del self.fields["led_by_network"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("lead") and not data.get("led_by_network"):
            self.add_error("lead", _("Choose the organisation that leads the bid."))
        return data


class BidForm(GovukForm):
    title = forms.CharField(label=_("Project title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    problem = forms.CharField(
        label=_("The problem the project tackles"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )
    approach = forms.CharField(
        label=_("The co-operative approach"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )
    outputs = forms.CharField(
        label=_("Outputs"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("For example a report, a toolkit or an event."),
    )
    locality = forms.CharField(
        label=_("Locality"),
        max_length=200,
        required=False,
        help_text=_("Policy Prototypes work in one locality: name it."),
    )
    starts_on = date_field(_("Planned start"), required=False)
    ends_on = date_field(_("Planned end"), required=False)
    principles = forms.ModelMultipleChoiceField(
        label=_("Principles the project addresses"),
        queryset=Principle.objects.filter(family=Principle.Family.NETWORK).order_by("order"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class BudgetLineForm(GovukForm):
    description = forms.CharField(label=_("Item"), max_length=200, required=False)
    amount = money_field(_("Amount (£)"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("description") and data.get("amount") is None:
            self.add_error("amount", _("Enter the amount for this item."))
        if data.get("amount") is not None and not data.get("description"):
            self.add_error("description", _("Say what this amount is for."))
        return data


class MilestoneForm(GovukForm):
    title = forms.CharField(label=_("Milestone"), max_length=200, required=False)
    due_on = date_field(_("Due"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("title") and not data.get("due_on"):
            self.add_error("due_on", _("Enter the date this milestone is due."))
        return data


BudgetFormSet = forms.formset_factory(BudgetLineForm, extra=0, max_num=20)
MilestoneFormSet = forms.formset_factory(MilestoneForm, extra=0, max_num=20)


class PartnerForm(GovukForm):
    organisation = forms.ModelChoiceField(
        label=_("Partner organisation"), queryset=Organisation.objects.none()
    )
    role = forms.CharField(label=_("What they will do"), max_length=300, required=False)

    def __init__(self, *args: Any, exclude: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = (
            Organisation.objects.filter(memberships__isnull=False)
            .exclude(pk__in=exclude)
            .distinct()
            .order_by("name")
        )


class DocumentForm(GovukForm):
    title = forms.CharField(label=_("Document title"), max_length=200)
    file = forms.FileField(label=_("PDF file"), help_text=_("A PDF of up to 10 MB."))


class AssignForm(GovukForm):
    reviewer = forms.ModelChoiceField(label=_("Reviewer"), queryset=Person.objects.none())

    def __init__(self, *args: Any, on: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["reviewer"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = reviewers_on(on)


class ConflictForm(GovukForm):
    note = forms.CharField(
        label=_("What is the conflict of interest?"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ScoreForm(GovukForm):
    comment = forms.CharField(
        label=_("Overall comments"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    def __init__(self, *args: Any, criteria: list[Any], **kwargs: Any) -> None:
        self.criteria = criteria
        fields: dict[str, forms.Field] = {}
        for c in criteria:
            fields[f"score_{c.pk}"] = forms.TypedChoiceField(
                label=c.title,
                help_text=c.guidance,
                coerce=int,
                choices=[(n, str(n)) for n in range(c.max_score + 1)],
                widget=forms.RadioSelect,
            )
            fields[f"comment_{c.pk}"] = forms.CharField(
                label=_("Comment on “%(criterion)s”") % {"criterion": c.title},
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
            )
        self.base_fields = {**fields, **type(self).base_fields}  # type: ignore[misc]
        super().__init__(*args, **kwargs)

    def scores(self) -> dict[int, tuple[int, str]]:
        return {
            c.pk: (self.cleaned_data[f"score_{c.pk}"], self.cleaned_data[f"comment_{c.pk}"])
            for c in self.criteria
        }


def agenda_item_label(item: AgendaItem) -> str:
    return f"{item.meeting.title}: {item}"


class DecisionForm(GovukForm):
    meeting = forms.ModelChoiceField(label=_("Joint meeting"), queryset=joint_meetings().none())
    agenda_item = forms.ModelChoiceField(
        label=_("Agenda item"),
        queryset=agenda_items_of_joint_meetings().none(),
        required=False,
        help_text=_("The item of the meeting's agenda under which the bid was decided."),
    )
    outcome = forms.ChoiceField(
        label=_("Decision"), choices=Decision.Outcome.choices, widget=forms.RadioSelect
    )
    amount = money_field(
        _("Amount awarded (£)"),
        required=False,
        help_text=_("Leave empty to award the amount asked for."),
    )
    conditions = forms.CharField(
        label=_("Conditions"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    feedback = forms.CharField(
        label=_("Feedback to the applicant"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    budget_change = money_field(
        _("Increase to the pot agreed by the meeting (£)"),
        required=False,
        help_text=_("Only when the meeting agreed to spend more than the pot."),
    )
    budget_change_reason = forms.CharField(
        label=_("Reason for the budget change"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        joint = joint_meetings()
        field = self.fields["meeting"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = joint
        item = self.fields["agenda_item"]
        assert isinstance(item, forms.ModelChoiceField)
        item.queryset = agenda_items_of_joint_meetings()
        item.label_from_instance = agenda_item_label  # type: ignore[method-assign,assignment]


class ReportForm(GovukForm):
    progress = forms.CharField(label=_("Progress so far"), widget=forms.Textarea(attrs={"rows": 8}))
    spend_to_date = MoneyField(label=_("Spent so far (£)"), required=False)


class ReportReviewForm(GovukForm):
    accept = forms.TypedChoiceField(
        label=_("Your review"),
        choices=[("1", _("Accept the report")), ("0", _("Ask for changes"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comments"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )


class ProjectStatusForm(GovukForm):
    status = forms.ChoiceField(label=_("Status"), choices=Project.Status.choices)
    on = date_field(_("Date of the change"))
    outputs = forms.ModelMultipleChoiceField(
        label=_("Outputs (publications)"),
        queryset=publications_by_title(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


class FollowUpForm(GovukForm):
    organisation = forms.ModelChoiceField(label=_("Council"), queryset=Organisation.objects.none())
    reviewed_on = date_field(_("Reviewed on"))
    what_changed = forms.CharField(
        label=_("What has changed since"), widget=forms.Textarea(attrs={"rows": 5})
    )
    still_used = forms.BooleanField(
        label=_("The council still uses what the project produced"), required=False
    )

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = project.participants.order_by("name")


class ProjectFilterForm(GovukForm):
    hide_optional = True

    member = forms.ChoiceField(label=_("Member"), required=False)
    year = forms.TypedChoiceField(label=_("Round"), required=False, coerce=int, empty_value=None)
    scheme = forms.ChoiceField(label=_("Scheme"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    principle = forms.ChoiceField(label=_("Principle"), required=False)

    def __init__(
        self, *args: Any, members: list[tuple[str, str]], years: list[int], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        any_: list[tuple[Any, Any]] = [("", _("Any"))]
        principles = Principle.objects.filter(family=Principle.Family.NETWORK).order_by("order")
        choices: dict[str, list[tuple[Any, Any]]] = {
            "member": list(members),
            "year": [(y, str(y)) for y in years],
            "scheme": [(s.slug, _(s.name)) for s in Scheme.objects.order_by("order")],
            "status": list(Project.Status.choices),
            "principle": [(p.slug, _(p.name)) for p in principles],
        }
        for name, options in choices.items():
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = any_ + options
