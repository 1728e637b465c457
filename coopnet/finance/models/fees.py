"""What each member pays: a schedule per membership year and category, with bands and fixed fees."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopnet.core.actors import history_user

from coopnet.members.models import MembershipCategory, Organisation, OrganisationKind

from .money import money_field, year_label


class FeeSchedule(models.Model):
    """The fee for one category in one membership year (1 August to 31 July)."""

    year = models.PositiveSmallIntegerField(
        _("membership year starting"),
        validators=[MinValueValidator(2000)],
        help_text=_("The year the membership year starts on 1 August, e.g. 2024 for 2024/25."),
    )
    category = models.ForeignKey(
        MembershipCategory,
        on_delete=models.PROTECT,
        related_name="fee_schedules",
        verbose_name=_("category"),
    )
    amount = money_field(
        _("standard fee (£)"),
        help_text=_("Charged when no band and no fixed fee applies. £0.00 means not invoiced."),
    )
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Where the figure comes from, e.g. a board decision or a published budget."),
    )

    history = HistoricalRecords(get_user=history_user)

    class Meta:
        verbose_name = _("fee schedule")
        verbose_name_plural = _("fee schedules")
        ordering = ["-year", "category__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "category"],
                name="fee_schedule_one_per_year_and_category",
                violation_error_message=_("This category already has a fee for that year."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.category} {year_label(self.year)}"

    @property
    def year_label(self) -> str:
        return year_label(self.year)


class FeeBand(models.Model):
    """A fee for members of one kind and/or population band; the first band that fits applies."""

    schedule = models.ForeignKey(
        FeeSchedule, on_delete=models.CASCADE, related_name="bands", verbose_name=_("schedule")
    )
    name = models.CharField(_("band"), max_length=100, help_text=_("e.g. Metropolitan districts"))
    organisation_kind = models.CharField(
        _("organisation kind"),
        max_length=32,
        choices=OrganisationKind.choices,
        blank=True,
        help_text=_("Leave empty for any kind."),
    )
    la_type = models.CharField(
        _("council type code"),
        max_length=8,
        blank=True,
        help_text=_("The reference table's type, e.g. MD, LBO, UA, NMD, CTY. Empty for any."),
    )
    population_from = models.PositiveIntegerField(_("population from"), null=True, blank=True)
    population_to = models.PositiveIntegerField(
        _("population up to"), null=True, blank=True, help_text=_("Inclusive. Empty for no limit.")
    )
    amount = money_field(_("fee (£)"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("fee band")
        verbose_name_plural = _("fee bands")
        ordering = ["schedule", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(population_from__isnull=True)
                | Q(population_to__isnull=True)
                | Q(population_to__gte=F("population_from")),
                name="fee_band_population_range_in_order",
                violation_error_message=_("A population band must end after it starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        low, high = self.population_from, self.population_to
        if low is not None and high is not None and high < low:
            raise ValidationError(
                {"population_to": _("A population band must end after it starts.")}
            )

    def fits(self, organisation: Organisation | None) -> bool:
        if organisation is None:
            return not (self.organisation_kind or self.la_type or self.has_population_limits)
        if self.organisation_kind and organisation.kind != self.organisation_kind:
            return False
        authority = organisation.local_authority or organisation.area_authority
        if self.la_type and (authority is None or authority.la_type != self.la_type):
            return False
        if self.has_population_limits:
            population = authority.population if authority is not None else None
            if population is None:
                return False
            if self.population_from is not None and population < self.population_from:
                return False
            if self.population_to is not None and population > self.population_to:
                return False
        return True

    @property
    def has_population_limits(self) -> bool:
        return self.population_from is not None or self.population_to is not None


class FixedFee(models.Model):
    """An agreed fee for one organisation in one schedule, ahead of any band."""

    schedule = models.ForeignKey(
        FeeSchedule, on_delete=models.CASCADE, related_name="fixed_fees", verbose_name=_("schedule")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="fixed_fees",
        verbose_name=_("organisation"),
    )
    amount = money_field(_("fee (£)"))
    reason = models.CharField(_("reason"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("fixed fee")
        verbose_name_plural = _("fixed fees")
        constraints = [
            models.UniqueConstraint(
                fields=["schedule", "organisation"],
                name="fixed_fee_one_per_organisation_and_schedule",
                violation_error_message=_("This organisation already has a fixed fee here."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: £{self.amount}"
