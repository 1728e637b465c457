"""Governance bodies, their seats and who holds them over time."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopnet.core.actors import history_user
from coopnet.core.periods import PeriodMixin, PeriodQuerySet
from coopnet.core.versioning import VersionedQuerySet


class Body(models.Model):
    """A board or group of the network (EOC, V&P Board, Officer Group, ...)."""

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    quorum = models.PositiveSmallIntegerField(
        _("quorum"),
        null=True,
        blank=True,
        help_text=_(
            "How many members must attend for a meeting to be quorate. Leave empty to use a "
            "third of the places, rounded up."
        ),
    )
    term_years = models.PositiveSmallIntegerField(
        _("term in years"), default=2, help_text=_("Elections are held this often.")
    )
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("governance:body", kwargs={"slug": self.slug})


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
    ex_officio_of = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ex_officio_seats",
        verbose_name=_("held ex officio by the holder of"),
        help_text=_("For ex officio seats: the seat (on any body) whose holder sits here."),
    )
    reserved_for = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reserved_seats",
        verbose_name=_("reserved for"),
        help_text=_("For the Accountable Body's seat: the organisation whose representative sits."),
    )
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["body", "order", "pk"]
        verbose_name = _("seat")
        verbose_name_plural = _("seats")

    def __str__(self) -> str:
        return f"{self.body}: {self.name}"


class AppointmentQuerySet(PeriodQuerySet, VersionedQuerySet):  # type: ignore[override]
    """Appointments; `current_on(day)` is the period rule (both ends inclusive). Bulk writes
    move the public pages on (the bodies' pages show who sits on them)."""


class Appointment(PeriodMixin, models.Model):
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
    start_is_approximate = models.BooleanField(
        _("start date is approximate"),
        default=False,
        help_text=_("The source gives an 'as at' date, not the day the term began."),
    )
    source = models.CharField(
        _("source"), max_length=300, blank=True, help_text=_("Where this fact comes from.")
    )
    history = HistoricalRecords(get_user=history_user)

    objects = AppointmentQuerySet.as_manager()

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


class MemberProfile(models.Model):
    """What governance pages show of a person beyond the registry: a photo."""

    person = models.OneToOneField(
        "members.Person", on_delete=models.CASCADE, related_name="governance_profile"
    )
    photo = models.ImageField(_("photo"), upload_to="governance/photos/", blank=True)
    photo_alt = models.CharField(_("photo description"), max_length=200, blank=True)
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")

    def __str__(self) -> str:
        return str(self.person)
