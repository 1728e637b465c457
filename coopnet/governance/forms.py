"""Forms for governance pages. Each renders with GOV.UK markup; the services apply the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coopnet.core.forms import AutocompleteSelect, GovukForm
from coopnet.members.models import Organisation, Person

from .models import AgendaItem, Appointment, Attendance, Body, Meeting, Seat


class DateInput(forms.DateInput):
    input_type = "date"


class AsAtForm(GovukForm):
    on = forms.DateField(label=_("Show the membership on"), required=False, widget=DateInput)


class AppointmentForm(GovukForm):
    seat = forms.ModelChoiceField(label=_("Seat"), queryset=Seat.objects.none())
    person = forms.ModelChoiceField(
        label=_("Person"),
        queryset=Person.objects.order_by("full_name", "pk"),
        empty_label="",
        widget=AutocompleteSelect,
        help_text=_("Start typing their name and choose them from the list."),
        error_messages={"invalid_choice": _("Choose a person from the list.")},
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation they represent"),
        queryset=Organisation.objects.order_by("name", "pk"),
        empty_label="",
        widget=AutocompleteSelect,
        required=False,
        help_text=_("Start typing its name and choose it from the list."),
        error_messages={"invalid_choice": _("Choose an organisation from the list.")},
    )
    how = forms.ChoiceField(label=_("How"), choices=Appointment.How.choices)
    start = forms.DateField(label=_("Start"), widget=DateInput)
    end = forms.DateField(label=_("End"), widget=DateInput, required=False)

    def __init__(self, *args: Any, body: Body, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["seat"].queryset = body.seats.order_by("order", "pk")  # type: ignore[attr-defined]


class AppointmentEndForm(GovukForm):
    end = forms.DateField(label=_("Last day in the seat"), widget=DateInput)


class MeetingForm(GovukForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    bodies = forms.ModelMultipleChoiceField(
        label=_("Bodies meeting"),
        queryset=Body.objects.order_by("order", "name"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose two or more for a joint meeting."),
    )
    kind = forms.ChoiceField(label=_("Kind of meeting"), choices=Meeting.Kind.choices)
    starts_at = forms.DateTimeField(
        label=_("Starts at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    online = forms.BooleanField(label=_("Held online"), required=False)
    location = forms.CharField(label=_("Location"), max_length=200, required=False)


class AgendaItemForm(GovukForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)
    approves_minutes_of = forms.ModelChoiceField(
        label=_("This item approves the minutes of"),
        queryset=Meeting.objects.none(),
        required=False,
        help_text=_("Only earlier meetings of the same bodies whose minutes await approval."),
    )

    def __init__(self, *args: Any, awaiting: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["approves_minutes_of"].queryset = awaiting  # type: ignore[attr-defined]


class PaperForm(GovukForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(label=_("PDF file"))
    confidential = forms.BooleanField(label=_("Confidential (never published)"), required=False)


class MeetingAttendanceForm(GovukForm):
    """Everyone who may be recorded at a meeting, at once: for each, present, apologies or absent
    (or not recorded), and whether they attended as an officer or guest."""

    NOT_RECORDED = ""

    def __init__(
        self, *args: Any, people: list[Person], recorded: dict[int, Attendance], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.people = people
        choices = [(self.NOT_RECORDED, _("Not recorded")), *Attendance.Status.choices]
        for person in people:
            earlier = recorded.get(person.pk)
            self.fields[f"status_{person.pk}"] = forms.ChoiceField(
                label=person.display_name,
                choices=choices,
                required=False,
                initial=earlier.status if earlier else self.NOT_RECORDED,
                widget=forms.RadioSelect,
            )
            self.fields[f"guest_{person.pk}"] = forms.BooleanField(
                label=_("%(name)s attended as an officer or guest, not a member")
                % {"name": person.display_name},
                required=False,
                initial=earlier.in_attendance if earlier else False,
            )

    def entries(self) -> list[tuple[Person, str, bool]]:
        """(person, status, in attendance) for everyone given a status."""
        return [
            (p, self.cleaned_data[f"status_{p.pk}"], self.cleaned_data[f"guest_{p.pk}"])
            for p in self.people
            if self.cleaned_data.get(f"status_{p.pk}")
        ]


class MinutesForm(GovukForm):
    summary = forms.CharField(label=_("Opening notes"), widget=forms.Textarea, required=False)

    def __init__(self, *args: Any, items: list[AgendaItem], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for item in items:
            self.fields[f"item_{item.pk}"] = forms.CharField(
                label=str(item), widget=forms.Textarea, required=False, initial=item.minute
            )
        self._items = items

    def item_minutes(self) -> dict[int, str]:
        return {i.pk: self.cleaned_data.get(f"item_{i.pk}", "") for i in self._items}


class CommentForm(GovukForm):
    text = forms.CharField(label=_("Your comment"), widget=forms.Textarea)


class ApproveForm(GovukForm):
    at_item = forms.ModelChoiceField(
        label=_("Approved at"), queryset=AgendaItem.objects.none(), empty_label=None
    )

    def __init__(self, *args: Any, items: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["at_item"].queryset = items  # type: ignore[attr-defined]
        self.fields["at_item"].label_from_instance = lambda i: f"{i.meeting} – {i}"  # type: ignore[attr-defined]


class DecisionForm(GovukForm):
    text = forms.CharField(label=_("Decision"), widget=forms.Textarea)


class ActionForm(GovukForm):
    text = forms.CharField(label=_("Action"), widget=forms.Textarea)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=Person.objects.none())
    due = forms.DateField(label=_("Due"), widget=DateInput)

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people  # type: ignore[attr-defined]


class ActionDoneForm(GovukForm):
    on = forms.DateField(label=_("Done on"), widget=DateInput, initial=timezone.localdate)


class PhotoForm(GovukForm):
    photo = forms.FileField(label=_("Photo (JPEG, PNG or WebP, up to 2 MB)"), required=False)
    alt = forms.CharField(label=_("Describe the photo"), max_length=200, required=False)


class DocumentVersionForm(GovukForm):
    label = forms.CharField(label=_("Version"), max_length=60)
    adopted_on = forms.DateField(label=_("Adopted on"), widget=DateInput)
    adopted_at = forms.ModelChoiceField(
        label=_("Adopted at"), queryset=Meeting.objects.order_by("-starts_at"), required=False
    )
    text = forms.CharField(label=_("Text"), widget=forms.Textarea, required=False)
    file = forms.FileField(label=_("PDF"), required=False)
