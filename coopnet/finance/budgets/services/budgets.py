"""Budgets and their projection; the helpers every budget write uses."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from coopnet.core.actors import Actor, acting_as
from coopnet.core.audit import audit_record
from coopnet.core.guard import require
from coopnet.core.membership_year import year_label
from coopnet.core.money import ZERO

from ..errors import BudgetError
from ..models import Budget, BudgetLine, ExpenditureEntry, ProjectionAssumption
from ..money import AmountError, check_amount
from ..projection import AssumptionSpec, projection_problems

MANAGE = "budgets.manage_budgets"
CARRY_FORWARD_NAME = "Carry Forward"


def checked_amount(value: Decimal | None, what: str) -> Decimal | None:
    if value is None:
        return None
    try:
        return check_amount(value)
    except AmountError as exc:
        raise BudgetError(f"{what}: {exc}") from exc


def save(obj: Budget | BudgetLine | ProjectionAssumption | ExpenditureEntry, by: Actor) -> None:
    """Save a budget record, its field history attributed to `by`."""
    with acting_as(by):
        obj.save()


def audit(
    *,
    by: Actor,
    action: str,
    target: Budget | BudgetLine | ExpenditureEntry,
    summary: str,
    about: Sequence[Model | None] = (),
    changes: dict[str, object] | None = None,
) -> None:
    """The audit entry of a budget write (budgets concern the network, no one organisation)."""
    audit_record(by=by, action=action, target=target, summary=summary, about=about, changes=changes)


def _lock_budgets() -> Budget | None:
    """Serialise changes to the run of budgets; the latest budget, if any."""
    return Budget.objects.select_for_update(of=("self",)).order_by("-year").first()


def check_new_year(year: int, opening_balance: Decimal | None) -> None:
    latest = _lock_budgets()
    if Budget.objects.filter(year=year).exists():
        raise BudgetError(_("There is already a budget for %(year)s.") % {"year": year_label(year)})
    if latest is not None and year != latest.year + 1:
        raise BudgetError(
            _("Budgets follow on year by year: the next one is for %(year)s.")
            % {"year": year_label(latest.year + 1)}
        )
    if latest is not None and opening_balance is not None:
        raise BudgetError(
            _(
                "Only the first budget states a balance brought forward; %(year)s carries "
                "forward the balance of %(previous)s."
            )
            % {"year": year_label(year), "previous": latest.label}
        )


@transaction.atomic
def budget_create(
    *,
    year: int,
    by: Actor,
    reserve: Decimal = ZERO,
    opening_balance: Decimal | None = None,
    notes: str = "",
) -> Budget:
    require(by, MANAGE)
    check_new_year(year, opening_balance)
    budget = Budget(
        year=year,
        reserve=checked_amount(reserve, _("Reserve")) or ZERO,
        opening_balance=checked_amount(opening_balance, _("Balance brought forward")),
        notes=notes,
    )
    save(budget, by)
    save(
        BudgetLine(budget=budget, kind=BudgetLine.Kind.CARRY_FORWARD, name=CARRY_FORWARD_NAME),
        by,
    )
    audit(
        by=by,
        action="budget.created",
        target=budget,
        summary=_("Budget for %(year)s created") % {"year": budget.label},
        changes={"reserve": str(budget.reserve), "opening_balance": str(budget.opening_balance)},
    )
    return budget


@transaction.atomic
def budget_update(
    *,
    budget: Budget,
    by: Actor,
    reserve: Decimal,
    opening_balance: Decimal | None,
    notes: str,
) -> Budget:
    require(by, MANAGE)
    budget = Budget.objects.select_for_update(of=("self",)).get(pk=budget.pk)
    if opening_balance is not None and Budget.objects.filter(year=budget.year - 1).exists():
        raise BudgetError(
            _("%(year)s carries forward the balance of %(previous)s; it cannot state its own.")
            % {"year": budget.label, "previous": year_label(budget.year - 1)}
        )
    budget.reserve = checked_amount(reserve, _("Reserve")) or ZERO
    budget.opening_balance = checked_amount(opening_balance, _("Balance brought forward"))
    budget.notes = notes
    save(budget, by)
    audit(
        by=by,
        action="budget.changed",
        target=budget,
        summary=_("Budget for %(year)s changed") % {"year": budget.label},
        changes={"reserve": str(budget.reserve), "opening_balance": str(budget.opening_balance)},
    )
    return budget


# --- the projection ---------------------------------------------------------------------------


def _replace_assumptions(budget: Budget, specs: Sequence[AssumptionSpec], by: Actor) -> None:
    with acting_as(by):
        for old in budget.assumptions.all():
            old.delete()
    for spec in specs:
        save(
            ProjectionAssumption(
                budget=budget,
                kind=spec.kind,
                line=spec.line,
                count=spec.count,
                fee=spec.fee,
                rate=spec.rate,
            ),
            by,
        )


@transaction.atomic
def budget_set_projection(
    *,
    budget: Budget,
    by: Actor,
    projection_to: int | None,
    assumptions: Sequence[AssumptionSpec],
) -> Budget:
    """Replace the projection as a whole; refused, with every reason, if it is inconsistent."""
    require(by, MANAGE)
    budget = Budget.objects.select_for_update(of=("self",)).get(pk=budget.pk)
    problems = projection_problems(budget, projection_to, assumptions)
    if problems:
        raise BudgetError(problems)
    budget.projection_to = projection_to
    save(budget, by)
    _replace_assumptions(budget, assumptions, by)
    audit(
        by=by,
        action="budget.projection_set",
        target=budget,
        summary=_("Projection of the %(year)s budget set: %(count)s assumptions")
        % {"year": budget.label, "count": len(assumptions)},
        changes={"projection_to": projection_to},
    )
    return budget


@transaction.atomic
def assumption_add(*, budget: Budget, by: Actor, assumption: AssumptionSpec) -> Budget:
    """Add one assumption to the ones the projection has; the whole set must stay consistent."""
    budget = Budget.objects.select_for_update(of=("self",)).get(pk=budget.pk)
    specs = [AssumptionSpec.of(a) for a in budget.assumptions.select_related("line")]
    return budget_set_projection(
        budget=budget, by=by, projection_to=budget.projection_to, assumptions=[*specs, assumption]
    )


@transaction.atomic
def assumption_remove(*, assumption: ProjectionAssumption, by: Actor) -> None:
    require(by, MANAGE)
    budget = Budget.objects.select_for_update(of=("self",)).get(pk=assumption.budget_id)
    with acting_as(by):
        assumption.delete()
    audit(
        by=by,
        action="budget.assumption_removed",
        target=budget,
        summary=_("An assumption of the %(year)s projection removed") % {"year": budget.label},
    )
