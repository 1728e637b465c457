"""An event: a conference, fringe, exhibition, webinar, AGM, officer meeting, study visit..."""

from __future__ import annotations

from datetime import date, datetime
from typing import Self

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopnet.core.actors import history_user
from coopnet.core.periods import PeriodQuerySet
from coopnet.core.versioning import VersionedQuerySet


def _continuing(now: datetime) -> models.Q:
    repeating = ~models.Q(recurrence="") & (
        models.Q(series_ends_at__isnull=True) | models.Q(series_ends_at__gte=now)
    )
    return models.Q(ends_at__gte=now) | repeating


class EventQuerySet(PeriodQuerySet, VersionedQuerySet):  # type: ignore[override]
    """Events are dated by their days in Europe/London: `current_on(day)` is "running that day"."""

    period_fields = ("starts_at__date", "ends_at__date")

    def published(self) -> Self:
        return self.filter(status=Event.Status.PUBLISHED)

    def upcoming(self, now: datetime) -> Self:
        """Not over yet: a repeating event until its last occurrence (forever if it has none)."""
        return self.filter(_continuing(now))

    def past(self, now: datetime) -> Self:
        return self.exclude(_continuing(now))


class Event(models.Model):
    class Kind(models.TextChoices):
        CONFERENCE = "conference", _("Conference")
        FRINGE = "fringe", _("Fringe")
        EXHIBITION = "exhibition", _("Exhibition")
        WORKSHOP = "workshop", _("Workshop")
        WEBINAR = "webinar", _("Webinar")
        AGM = "agm", _("AGM")
        OFFICER_MEETING = "officer_meeting", _("Officer meeting")
        STUDY_VISIT = "study_visit", _("Study visit")
        OTHER = "other", _("Other")

    class Attendance(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("In person and online")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        RETURNED = "returned", _("Returned for changes")
        PUBLISHED = "published", _("Published")
        REJECTED = "rejected", _("Rejected")

    class Precision(models.TextChoices):
        """How exactly the date is known (the seeds often give only a month or a year)."""

        EXACT = "exact", _("Exact")
        MONTH = "month", _("Month only")
        YEAR = "year", _("Membership year only")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=100, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind, default=Kind.OTHER)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    all_day = models.BooleanField(_("all day"), default=False)
    date_precision = models.CharField(
        _("date known to"), max_length=10, choices=Precision, default=Precision.EXACT
    )
    attendance = models.CharField(
        _("how people attend"), max_length=10, choices=Attendance, default=Attendance.IN_PERSON
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.TextField(_("address"), blank=True)
    joining_link = models.URLField(
        _("joining link"),
        blank=True,
        help_text=_("Shown only to people with a confirmed place."),
    )
    organiser = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events_organised",
        verbose_name=_("organiser"),
        help_text=_("Empty when the network itself organises the event."),
    )
    speakers = models.TextField(_("speakers"), blank=True, help_text=_("One a line."))
    image = models.FileField(_("image"), upload_to="events/images/", blank=True)
    image_alt = models.CharField(
        _("image description"),
        max_length=200,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    group = models.ForeignKey(
        "engagement.Group",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("network or group"),
        help_text=_("The network or group the event is for, if any."),
    )
    description_html = models.TextField(_("description"), blank=True)
    description_text = models.TextField(blank=True, editable=False)
    principles = models.ManyToManyField(
        "core.Principle", blank=True, related_name="events", verbose_name=_("principles")
    )
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    registration_open = models.BooleanField(_("registration open"), default=False)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    public_registration = models.BooleanField(_("anyone may register by email"), default=False)
    counts_towards_events_figure = models.BooleanField(
        _("counts towards the meetings and events figure"),
        default=True,
        help_text=_("Regular member and officer meetings do not count."),
    )
    recurrence = models.CharField(
        _("repeats (iCalendar RRULE)"),
        max_length=300,
        blank=True,
        help_text=_("For example FREQ=MONTHLY;BYDAY=2TU for the second Tuesday of each month."),
    )
    skipped_dates = models.JSONField(
        _("dates the repeating event does not take place"), default=list, blank=True
    )
    series_ends_at = models.DateTimeField(
        _("last occurrence ends"), null=True, blank=True, editable=False
    )
    # One date of a repeating event changed on its own: this event replaces the occurrence of
    # `series` that would have started at `recurrence_id` (iCalendar RECURRENCE-ID).
    series = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="changed_occurrences",
        verbose_name=_("one date of"),
        editable=False,
    )
    recurrence_id = models.DateTimeField(
        _("date it replaces"), null=True, blank=True, editable=False
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT)
    moderation_comment = models.TextField(_("comment from the network"), blank=True)
    sequence = models.PositiveIntegerField(default=0, editable=False)  # iCalendar SEQUENCE
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(get_user=history_user, excluded_fields=["description_text"])

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["status", "starts_at"], name="event_status_start")]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "recurrence_id"], name="event_one_change_per_occurrence"
            ),
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:event", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_changed_occurrence(self) -> bool:
        return self.series_id is not None

    @property
    def is_online(self) -> bool:
        return self.attendance in (self.Attendance.ONLINE, self.Attendance.HYBRID)

    @property
    def is_in_person(self) -> bool:
        return self.attendance in (self.Attendance.IN_PERSON, self.Attendance.HYBRID)

    @property
    def is_editable_by_organiser(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED, self.Status.PUBLISHED)

    def is_current_on(self, day: date) -> bool:
        """Whether the event runs on `day` (its days in Europe/London, both ends included)."""
        start = timezone.localtime(self.starts_at).date()
        end = timezone.localtime(self.ends_at).date()
        return start <= day <= end

    def registration_is_open(self, now: datetime) -> bool:
        if not (self.is_published and self.registration_open) or self.ends_at < now:
            return False
        return self.registration_closes_at is None or now < self.registration_closes_at
