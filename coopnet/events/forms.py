"""Forms of the events pages: the filters, the submit/edit form, moderation and sign-up."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coopnet.core.forms import GovukForm
from coopnet.core.models import Principle
from coopnet.core.widgets import RichTextEditor
from coopnet.members.models import Organisation

from .models import Event
from .selectors import EventFilters, group_choices
from .services import EventDetails


class DateInput(forms.DateInput):
    """A browser date picker: its value is always ISO 8601 (YYYY-MM-DD), whatever the locale."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class EventFilterForm(GovukForm):
    hide_optional = True

    kind = forms.ChoiceField(label=_("Type"), required=False)
    organiser = forms.ChoiceField(label=_("Organiser"), required=False)
    attendance = forms.ChoiceField(
        label=_("Online or in person"),
        required=False,
        choices=[("", _("Any")), ("online", _("Online")), ("in_person", _("In person"))],
    )
    principle = forms.ChoiceField(label=_("Principle"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    start = forms.DateField(label=_("From"), required=False, widget=DateInput)
    end = forms.DateField(label=_("To"), required=False, widget=DateInput)

    def __init__(
        self,
        *args: Any,
        organisers: list[tuple[str, str]],
        principles: list[Principle],
        regions: list[str],
        **kw: Any,
    ) -> None:
        super().__init__(*args, **kw)
        any_: list[tuple[Any, Any]] = [("", _("Any"))]
        choices: dict[str, list[tuple[Any, Any]]] = {
            "kind": list(Event.Kind.choices),
            "organiser": organisers,
            "principle": [(p.slug, _(p.name)) for p in principles],
            "region": [(r, r) for r in regions],
        }
        for name, options in choices.items():
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = any_ + options

    def filters(self) -> EventFilters:
        if self.is_bound and self.is_valid():
            return EventFilters(**self.cleaned_data)
        return EventFilters()


class EventForm(GovukForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Type"), choices=Event.Kind.choices)
    organiser = forms.ModelChoiceField(
        label=_("Organiser"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=None,
    )
    summary = forms.CharField(label=_("Summary"), max_length=300, required=False)
    speakers = forms.CharField(
        label=_("Speakers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One a line."),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=RichTextEditor(
            attrs={"rows": 8},
            hint=_("Use the buttons above the box for headings, lists, bold, italic and links."),
        ),
        help_text=_(
            "You can type HTML: headings, paragraphs, lists, links, bold and italic are kept; "
            "other markup is removed."
        ),
    )
    start_date = forms.DateField(label=_("Date"), widget=DateInput)
    start_time = forms.TimeField(
        label=_("Start time"), required=False, help_text=_("For example, 14:00")
    )
    end_date = forms.DateField(
        label=_("End date"), required=False, widget=DateInput, help_text=_("If not the same day")
    )
    end_time = forms.TimeField(label=_("End time"), required=False)
    all_day = forms.BooleanField(label=_("All day"), required=False)
    attendance = forms.ChoiceField(
        label=_("How people attend"),
        choices=Event.Attendance.choices,
        widget=forms.RadioSelect,
    )
    venue = forms.CharField(label=_("Venue"), max_length=200, required=False)
    address = forms.CharField(
        label=_("Address"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    joining_link = forms.URLField(
        label=_("Joining link"),
        required=False,
        assume_scheme="https",
        help_text=_("Shown only to people with a confirmed place."),
    )
    principles = forms.ModelMultipleChoiceField(
        label=_("Principles"),
        queryset=Principle.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    capacity = forms.IntegerField(
        label=_("Places"), required=False, min_value=1, help_text=_("Leave empty for no limit.")
    )
    group = forms.ModelChoiceField(
        label=_("Network or group"),
        queryset=Event.objects.none(),
        required=False,
        empty_label=_("None"),
        help_text=_("The event is listed on that group's page."),
    )
    image = forms.FileField(
        label=_("Image (JPEG, PNG or WebP, up to 5 MB)"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    image_alt = forms.CharField(
        label=_("Describe the image"),
        max_length=200,
        required=False,
        help_text=_("What the image shows, for people who cannot see it. Needed with an image."),
    )
    registration_open = forms.BooleanField(label=_("Take registrations"), required=False)
    public_registration = forms.BooleanField(
        label=_("Anyone may register with an email address"), required=False
    )

    def __init__(self, *args: Any, organisers: Any, staff: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organiser = self.fields["organiser"]
        assert isinstance(organiser, forms.ModelChoiceField)
        organiser.queryset = organisers
        if staff:
            organiser.empty_label = _("The network")
        group = self.fields["group"]
        assert isinstance(group, forms.ModelChoiceField)
        group.queryset = group_choices()
        principles = self.fields["principles"]
        assert isinstance(principles, forms.ModelMultipleChoiceField)
        principles.queryset = Principle.objects.filter(family=Principle.Family.NETWORK).order_by(
            "order"
        )

    @staticmethod
    def initial_for(event: Event) -> dict[str, Any]:
        start, end = timezone.localtime(event.starts_at), timezone.localtime(event.ends_at)
        return {
            "title": event.title,
            "kind": event.kind,
            "organiser": event.organiser,
            "summary": event.summary,
            "speakers": event.speakers,
            "description": event.description_html,
            "start_date": start.date(),
            "start_time": None if event.all_day else start.time(),
            "end_date": end.date() if end.date() != start.date() else None,
            "end_time": None if event.all_day else end.time(),
            "all_day": event.all_day,
            "attendance": event.attendance,
            "venue": event.venue,
            "address": event.address,
            "joining_link": event.joining_link,
            "principles": list(event.principles.all()),
            "group": event.group,
            "image_alt": event.image_alt,
            "capacity": event.capacity,
            "registration_open": event.registration_open,
            "public_registration": event.public_registration,
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("all_day") and data.get("start_date") and not data.get("start_time"):
            self.add_error("start_time", _("Enter the start time, or tick all day."))
        return data

    def details(self, *, keep: Event | None = None) -> EventDetails:
        d = self.cleaned_data
        first = d["start_date"]
        last = d.get("end_date") or first
        if d.get("all_day"):
            starts_at = timezone.make_aware(datetime.combine(first, time.min))
            ends_at = timezone.make_aware(datetime.combine(last, time(23, 59)))
        else:
            starts_at = timezone.make_aware(datetime.combine(first, d["start_time"]))
            end_time = d.get("end_time") or d["start_time"]
            ends_at = timezone.make_aware(datetime.combine(last, end_time))
        return EventDetails(
            title=d["title"],
            kind=d["kind"],
            starts_at=starts_at,
            ends_at=ends_at,
            all_day=bool(d.get("all_day")),
            organiser=d.get("organiser"),
            attendance=d["attendance"],
            summary=d.get("summary", ""),
            speakers=d.get("speakers", ""),
            description=d.get("description", ""),
            venue=d.get("venue", ""),
            address=d.get("address", ""),
            joining_link=d.get("joining_link", ""),
            capacity=d.get("capacity"),
            registration_open=bool(d.get("registration_open")),
            public_registration=bool(d.get("public_registration")),
            registration_closes_at=keep.registration_closes_at if keep else None,
            counts_towards_events_figure=keep.counts_towards_events_figure if keep else True,
            recurrence=keep.recurrence if keep else "",
            skipped_dates=tuple(keep.skipped_dates) if keep else (),
            source=keep.source if keep else "",
            date_precision=keep.date_precision if keep else Event.Precision.EXACT,
            image_alt=d.get("image_alt", ""),
            group=d.get("group"),
        )


class SkipDateForm(GovukForm):
    day = forms.DateField(label=_("Date that does not take place"), widget=DateInput)


class ChangeDateForm(GovukForm):
    day = forms.DateField(label=_("Date to change"), widget=DateInput)


class ModerationForm(GovukForm):
    decision = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        choices=[
            ("publish", _("Publish")),
            ("return", _("Return to the organiser for changes")),
            ("reject", _("Reject")),
        ],
    )
    comment = forms.CharField(
        label=_("Comment for the organiser"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Needed when you return or reject the event."),
    )


SHARE_LABEL = _("The organiser may see my name and email address")


class PublicRegistrationForm(GovukForm):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("Email address"))
    shares_details = forms.BooleanField(label=SHARE_LABEL, required=False)


class BookingForm(GovukForm):
    shares_details = forms.BooleanField(label=SHARE_LABEL, required=False)
