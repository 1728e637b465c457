"""The network's budget: one stated budget per membership year, its lines, the assumptions its
projection is made from, and the expenditure actually spent against its lines.

Nothing here holds a total: totals, balances, carry forwards and projected years are computed
(coopnet.finance.budgets.statement) from these rows every time they are shown.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopnet.core.actors import history_user
from coopnet.core.membership_year import year_label
from coopnet.core.money import ZERO


def money_field(**kwargs: Any) -> models.DecimalField:
    return models.DecimalField(
        max_digits=12, decimal_places=2, validators=[MinValueValidator(ZERO)], **kwargs
    )


class ExpenditureCode(models.TextChoices):
    """The network's expenditure headings, in the order the statement shows them."""

    MF = "MF", _("Management Fees and Governance")
    CM = "CM", _("Communications and Membership Support")
    SP = "SP", _("Sponsorship")
    CE = "CE", _("Conference Expenses and Room Hire")
    PP = "PP", _("Policy Labs and Policy Prototypes")
    LD = "LD", _("Legacy and Development Work")


class Budget(models.Model):
    """The stated budget of one membership year (1 August to 31 July).

    `year` is the calendar year the membership year starts in (2021 is 2021/22). Budgets run in
    unbroken years; the first one states the balance brought forward (`opening_balance`), every
    later one carries forward the previous year's computed balance.
    """

    year = models.PositiveSmallIntegerField(_("membership year"), unique=True)
    opening_balance = models.DecimalField(
        _("balance brought forward"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(ZERO)],
        help_text=_("Only for the first budget recorded; later years carry forward the balance."),
    )
    reserve = money_field(verbose_name=_("reserve"), default=ZERO)
    projection_to = models.PositiveSmallIntegerField(
        _("project to membership year"), null=True, blank=True
    )
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["year"]
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")
        constraints = [
            models.CheckConstraint(
                condition=Q(projection_to__isnull=True) | Q(projection_to__gt=models.F("year")),
                name="budget_projection_after_year",
            ),
            models.CheckConstraint(condition=Q(reserve__gte=0), name="budget_reserve_not_negative"),
        ]

    def __str__(self) -> str:
        return str(_("Budget %(year)s") % {"year": self.label})

    @property
    def label(self) -> str:
        return year_label(self.year)


class BudgetLine(models.Model):
    """One line of a budget: an income line, the carry-forward row, or an expenditure line.

    The carry-forward row holds no amount (the figure is computed); it only keeps its place among
    the income lines. An amount that is not known yet is `to_be_confirmed`; a line may also be
    listed with no figure at all. Both count as nothing in the totals.
    """

    class Kind(models.TextChoices):
        INCOME = "income", _("Income")
        CARRY_FORWARD = "carry_forward", _("Carry forward")
        EXPENDITURE = "expenditure", _("Expenditure")

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="lines")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    code = models.CharField(
        _("expenditure code"), max_length=2, choices=ExpenditureCode.choices, blank=True
    )
    name = models.CharField(_("name"), max_length=200)
    amount = models.DecimalField(
        _("amount"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(ZERO)],
    )
    to_be_confirmed = models.BooleanField(_("to be confirmed"), default=False)
    fee_categories = models.CharField(
        _("fees of membership categories"),
        max_length=100,
        blank=True,
        help_text=_(
            "For an income line: the membership categories (codes, comma separated) whose paid "
            "invoices are this line's actual income."
        ),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["budget", "position", "pk"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        constraints = [
            models.UniqueConstraint(fields=["budget", "kind", "name"], name="budget_line_unique"),
            models.UniqueConstraint(
                fields=["budget"],
                condition=Q(kind="carry_forward"),
                name="budget_one_carry_forward",
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="budget_line_amount_not_negative",
            ),
            models.CheckConstraint(
                condition=(Q(kind="expenditure") & ~Q(code=""))
                | (~Q(kind="expenditure") & Q(code="")),
                name="budget_line_code_for_expenditure",
            ),
            models.CheckConstraint(
                condition=~Q(kind="carry_forward") | Q(amount__isnull=True),
                name="budget_carry_forward_computed",
            ),
            models.CheckConstraint(
                condition=Q(to_be_confirmed=False) | Q(amount__isnull=True),
                name="budget_line_tbc_has_no_amount",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.budget.label} {self.code} {self.name}".replace("  ", " ")

    @property
    def category_codes(self) -> list[str]:
        return [code for code in self.fee_categories.split(",") if code]


class ProjectionAssumption(models.Model):
    """One stated assumption a budget's projection is made from.

    NEW_MEMBERS adds `count` × `fee` to an income line in every projected year ("1 new member per
    year at £3,500"). GROWTH changes a line by `rate` per cent a year; with no line it applies to
    every expenditure line that has no growth of its own (0 holds expenditure flat, which is also
    what happens to a line no assumption names).
    """

    class Kind(models.TextChoices):
        NEW_MEMBERS = "new_members", _("New members per year")
        GROWTH = "growth", _("Growth per year")

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="assumptions")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    line = models.ForeignKey(
        BudgetLine,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="assumptions",
        verbose_name=_("budget line"),
    )
    count = models.IntegerField(_("new members per year"), null=True, blank=True)
    fee = models.DecimalField(_("fee each"), max_digits=12, decimal_places=2, null=True, blank=True)
    rate = models.DecimalField(
        _("growth rate (per cent a year)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["budget", "pk"]
        verbose_name = _("projection assumption")
        verbose_name_plural = _("projection assumptions")

    def __str__(self) -> str:
        return str(self.get_kind_display())


class ExpenditureEntry(models.Model):
    """Money actually spent against an expenditure line of a budget."""

    line = models.ForeignKey(
        BudgetLine, on_delete=models.PROTECT, related_name="spending", verbose_name=_("budget line")
    )
    spent_on = models.DateField(_("date spent"))
    amount = money_field(verbose_name=_("amount"))
    description = models.CharField(_("description"), max_length=200)
    reference = models.CharField(_("reference"), max_length=100, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["spent_on", "pk"]
        verbose_name = _("expenditure entry")
        verbose_name_plural = _("expenditure entries")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="expenditure_not_negative")
        ]

    def __str__(self) -> str:
        return f"{self.spent_on} {self.description}"
