"""Schemes (Policy Lab, Policy Prototype), their eligibility rules by year, and yearly rounds."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopnet.core.actors import history_user


class Scheme(models.Model):
    """A kind of funded project. Its rules are data (SchemeRule), one set per starting year."""

    class Kind(models.TextChoices):
        LAB = "lab", _("Policy Lab")
        PROTOTYPE = "prototype", _("Policy Prototype")

    slug = models.SlugField(_("slug"), unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, unique=True)
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("scheme")
        verbose_name_plural = _("schemes")

    def __str__(self) -> str:
        return self.name

    def rule_for(self, year: int) -> SchemeRule | None:
        """The rules in force for a round of `year` (the latest that starts on or before it)."""
        rules = getattr(self, "prefetched_rules", None)
        if rules is None:
            rules = list(self.rules.all())
        eligible = [r for r in rules if r.from_year <= year]
        return max(eligible, key=lambda r: r.from_year) if eligible else None


class SchemeRule(models.Model):
    """Eligibility rules of a scheme from a round year on (until a later rule replaces them)."""

    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="rules")
    from_year = models.PositiveSmallIntegerField(_("from the round of"))
    cap = models.DecimalField(_("most a bid may ask for"), max_digits=12, decimal_places=2)
    lead_must_be_full_member = models.BooleanField(_("lead must be a Full member"), default=False)
    lead_must_be_member = models.BooleanField(_("lead must be a member"), default=True)
    partners_must_be_members = models.BooleanField(_("partners must be members"), default=True)
    network_may_lead = models.BooleanField(
        _("the network itself may lead (study visits)"), default=False
    )
    one_locality = models.BooleanField(_("one locality only"), default=False)
    min_months = models.PositiveSmallIntegerField(
        _("shortest duration (months)"), null=True, blank=True
    )
    max_months = models.PositiveSmallIntegerField(
        _("longest duration (months)"), null=True, blank=True
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["scheme", "from_year"]
        verbose_name = _("scheme rule")
        verbose_name_plural = _("scheme rules")
        constraints = [
            models.UniqueConstraint(fields=["scheme", "from_year"], name="one_rule_per_scheme_year")
        ]

    def __str__(self) -> str:
        return f"{self.scheme} from {self.from_year}"


class Round(models.Model):
    """One year's call for bids, with a theme, opening and closing dates and a pot per scheme."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    theme = models.CharField(_("theme"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    opens_on = models.DateField(_("opens on"), null=True, blank=True)
    closes_on = models.DateField(
        _("closes on"),
        null=True,
        blank=True,
        help_text=_("Bids may be submitted until the end of this day."),
    )
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("funding round")
        verbose_name_plural = _("funding rounds")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opens_on__isnull=True)
                | models.Q(closes_on__isnull=True)
                | models.Q(closes_on__gte=models.F("opens_on")),
                name="round_closes_after_it_opens",
            )
        ]

    def __str__(self) -> str:
        return str(_("Funding round %(year)s") % {"year": self.year})

    def get_absolute_url(self) -> str:
        return reverse("funding:round", kwargs={"year": self.year})

    def is_open_on(self, on: date) -> bool:
        return bool(self.opens_on and self.closes_on and self.opens_on <= on <= self.closes_on)

    @property
    def pot_total(self) -> Decimal:
        return sum((p.amount for p in self.pots.all()), Decimal(0))


class RoundPot(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="pots")
    scheme = models.ForeignKey(Scheme, on_delete=models.PROTECT, related_name="pots")
    amount = models.DecimalField(_("pot"), max_digits=12, decimal_places=2)
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["round", "scheme__order"]
        verbose_name = _("pot")
        verbose_name_plural = _("pots")
        constraints = [
            models.UniqueConstraint(fields=["round", "scheme"], name="one_pot_per_round_scheme")
        ]

    def __str__(self) -> str:
        return f"{self.round} {self.scheme}: {self.amount}"


class ReviewCriterion(models.Model):
    """A published criterion reviewers score bids of a round against."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="criteria")
    title = models.CharField(_("criterion"), max_length=200)
    guidance = models.TextField(_("guidance"), blank=True)
    max_score = models.PositiveSmallIntegerField(_("highest score"), default=5)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["round", "order", "pk"]
        verbose_name = _("review criterion")
        verbose_name_plural = _("review criteria")

    def __str__(self) -> str:
        return self.title
