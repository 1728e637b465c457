"""Governance bodies, their seats and who holds them over time, and their meetings."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Body(models.Model):
    """A board or group of the network (EOC, V&P Board, Officer Group, ...)."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")

    def __str__(self) -> str:
        return self.name


class Constituency(models.TextChoices):
    FULL = "full", _("Full members")
    ASSOCIATE = "associate", _("Associate members")
    AFFILIATE = "affiliate", _("Affiliate members")
    COOPERATIVE_SECTOR = "cooperative_sector", _("Co-operative sector")
    TRADE_UNION = "trade_union", _("Trade union")
    ACCOUNTABLE_BODY = "accountable_body", _("Accountable Body")
    EX_OFFICIO = "ex_officio", _("Ex officio")


class Office(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice-Chair")


class Seat(models.Model):
    """Places on a body for one constituency, optionally carrying an office."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="seats")
    name = models.CharField(_("name"), max_length=200)
    constituency = models.CharField(_("constituency"), max_length=30, choices=Constituency)
    office = models.CharField(_("office"), max_length=20, choices=Office, blank=True)
    places = models.PositiveSmallIntegerField(_("places"), default=1)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "order", "pk"]
        verbose_name = _("seat")
        verbose_name_plural = _("seats")

    def __str__(self) -> str:
        return f"{self.body}: {self.name}"


class Appointment(models.Model):
    """A person holding a place in a seat from `start` until `end` (open when empty)."""

    class How(models.TextChoices):
        ELECTED = "elected", _("Elected")
        APPOINTED = "appointed", _("Appointed")
        EX_OFFICIO = "ex_officio", _("Ex officio")

    seat = models.ForeignKey(Seat, on_delete=models.PROTECT, related_name="appointments")
    person = models.ForeignKey(
        "members.Person", on_delete=models.PROTECT, related_name="appointments"
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        related_name="appointments",
        null=True,
        blank=True,
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"), null=True, blank=True)
    how = models.CharField(_("how"), max_length=20, choices=How)
    history = HistoricalRecords()

    class Meta:
        ordering = ["seat", "start", "pk"]
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="appointment_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.seat}"


class Meeting(models.Model):
    """A meeting of one body, or a joint meeting of several (EOC + V&P)."""

    class Kind(models.TextChoices):
        ORDINARY = "ordinary", _("Ordinary meeting")
        JOINT = "joint", _("Joint meeting")
        AGM = "agm", _("Annual general meeting")

    bodies = models.ManyToManyField(Body, related_name="meetings")
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.ORDINARY)
    starts_at = models.DateTimeField(_("starts at"))
    online = models.BooleanField(_("online"), default=False)
    location = models.CharField(_("location"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return self.title
