"""When a budget's projection is consistent. A projection that is not is refused as a whole, with
every reason given: docs/budgets.md lists the rules."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext as _

from coopnet.core.membership_year import year_label

from .errors import Problem
from .models import Budget, BudgetLine, ProjectionAssumption
from .money import AmountError, check_amount

RATE_FLOOR = Decimal("-100")  # exclusive: a line cannot shrink to nothing or below in a year
RATE_CEILING = Decimal("100")  # inclusive: at most doubling in a year


def max_years() -> int:
    return int(getattr(settings, "COOPNET_BUDGET_MAX_PROJECTION_YEARS", 10))


@dataclass(frozen=True)
class AssumptionSpec:
    """An assumption as a form, an import or the demo states it, before it is saved."""

    kind: str
    line: BudgetLine | None = None
    count: int | None = None
    fee: Decimal | None = None
    rate: Decimal | None = None

    @classmethod
    def of(cls, assumption: ProjectionAssumption) -> AssumptionSpec:
        return cls(
            kind=assumption.kind,
            line=assumption.line,
            count=assumption.count,
            fee=assumption.fee,
            rate=assumption.rate,
        )

    @property
    def target(self) -> tuple[str, int | None]:
        return (self.kind, self.line.pk if self.line else None)


def _year_problems(budget: Budget, projection_to: int | None, has_assumptions: bool) -> list[str]:
    if projection_to is None:
        return [_("Say which year the projection runs to.")] if has_assumptions else []
    if projection_to <= budget.year:
        return [
            _("The projection must end after %(year)s; it ends in %(end)s.")
            % {"year": budget.label, "end": year_label(projection_to)}
        ]
    if projection_to - budget.year > max_years():
        return [
            _("A projection runs for at most %(count)d years after the budget's year.")
            % {"count": max_years()}
        ]
    return []


def _new_members_problems(budget: Budget, spec: AssumptionSpec) -> list[str]:
    problems = []
    if spec.line is None or spec.line.kind != BudgetLine.Kind.INCOME:
        problems.append(_("New members' fees must go to one of the budget's income lines."))
    if spec.count is None or spec.count < 0:
        problems.append(_("The number of new members a year cannot be negative."))
    if spec.fee is None:
        problems.append(_("Give the fee each new member pays."))
    else:
        try:
            check_amount(spec.fee)
        except AmountError as exc:
            problems.append(_("The new members' fee: %(reason)s") % {"reason": exc})
    return problems


def _growth_problems(spec: AssumptionSpec) -> list[str]:
    problems = []
    if spec.line is not None and spec.line.kind == BudgetLine.Kind.CARRY_FORWARD:
        problems.append(_("The carry forward is computed; it cannot be given a growth rate."))
    if spec.rate is None:
        problems.append(_("Give the growth rate (0 holds the figure flat)."))
    elif not (RATE_FLOOR < spec.rate <= RATE_CEILING):
        problems.append(
            _("A growth rate must be more than -100 per cent and at most 100 per cent a year.")
        )
    return problems


def _duplicates(specs: Sequence[AssumptionSpec]) -> list[str]:
    problems = []
    for (kind, _line_pk), count in Counter(spec.target for spec in specs).items():
        if count < 2:
            continue
        spec = next(s for s in specs if s.target[0] == kind and s.target[1] == _line_pk)
        what = spec.line.name if spec.line else _("all expenditure")
        if kind == ProjectionAssumption.Kind.NEW_MEMBERS:
            problems.append(
                _("There are two new-member assumptions for “%(line)s”; keep one.") % {"line": what}
            )
        else:
            problems.append(
                _("There are two growth rates for “%(line)s”; keep one.") % {"line": what}
            )
    return problems


def projection_problems(
    budget: Budget, projection_to: int | None, specs: Sequence[AssumptionSpec]
) -> list[Problem]:
    """Every reason the projection is inconsistent (empty if it is not)."""
    messages = _year_problems(budget, projection_to, bool(specs))
    for spec in specs:
        if spec.line is not None and spec.line.budget_id != budget.pk:
            messages.append(
                _("“%(line)s” is not a line of the %(year)s budget.")
                % {"line": spec.line.name, "year": budget.label}
            )
        elif spec.kind == ProjectionAssumption.Kind.NEW_MEMBERS:
            messages.extend(_new_members_problems(budget, spec))
        elif spec.kind == ProjectionAssumption.Kind.GROWTH:
            messages.extend(_growth_problems(spec))
        else:
            messages.append(_("Unknown kind of assumption."))
    messages.extend(_duplicates(specs))
    unique = list(dict.fromkeys(messages))
    return [Problem(message) for message in unique]
