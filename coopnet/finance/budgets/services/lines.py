"""Budget lines, and spending recorded against them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from coopnet.core.actors import Actor, acting_as, user_of
from coopnet.core.guard import require
from coopnet.core.membership_year import year_end, year_start
from coopnet.core.money import ZERO, format_money
from coopnet.members.models import MembershipCategory

from ..errors import BudgetError
from ..models import Budget, BudgetLine, ExpenditureEntry
from .budgets import MANAGE, audit, checked_amount, save

# --- lines ------------------------------------------------------------------------------------


def _check_line(budget: Budget, kind: str, code: str, name: str, exclude: int | None) -> None:
    if kind not in (BudgetLine.Kind.INCOME, BudgetLine.Kind.EXPENDITURE):
        raise BudgetError(_("A line is income or expenditure."))
    if kind == BudgetLine.Kind.EXPENDITURE and not code:
        raise BudgetError(_("Choose the expenditure code the line comes under."))
    if not name.strip():
        raise BudgetError(_("Give the line a name."))
    clash = budget.lines.filter(kind=kind, name__iexact=name.strip())
    if exclude:
        clash = clash.exclude(pk=exclude)
    if clash.exists():
        raise BudgetError(
            _("The %(year)s budget already has a line called “%(name)s”.")
            % {"year": budget.label, "name": name.strip()}
        )


def _check_categories(budget: Budget, kind: str, codes: Sequence[str], exclude: int | None) -> None:
    """Income lines collect the fees of membership categories; each category counts once."""
    if not codes:
        return
    if kind != BudgetLine.Kind.INCOME:
        raise BudgetError(_("Only an income line collects membership fees."))
    known = set(MembershipCategory.objects.values_list("code", flat=True))
    if unknown := [c for c in codes if c not in known]:
        raise BudgetError(
            _("Unknown membership category: %(codes)s.") % {"codes": ", ".join(unknown)}
        )
    others = budget.lines.filter(kind=BudgetLine.Kind.INCOME)
    if exclude is not None:
        others = others.exclude(pk=exclude)
    for other in others:
        if taken := sorted(set(codes) & set(other.category_codes)):
            raise BudgetError(
                _(
                    "“%(line)s” already collects the fees of %(codes)s; a category counts on one "
                    "line only."
                )
                % {"line": other.name, "codes": ", ".join(taken)}
            )


@transaction.atomic
def line_save(
    *,
    budget: Budget,
    by: Actor,
    kind: str,
    name: str,
    amount: Decimal | None,
    code: str = "",
    to_be_confirmed: bool = False,
    fee_categories: Sequence[str] = (),
    line: BudgetLine | None = None,
) -> BudgetLine:
    """Add a line to a budget, or change one."""
    require(by, MANAGE)
    budget = Budget.objects.select_for_update(of=("self",)).get(pk=budget.pk)
    if line is not None and line.kind == BudgetLine.Kind.CARRY_FORWARD:
        raise BudgetError(_("The carry forward is computed; it cannot be changed."))
    _check_line(budget, kind, code, name, line.pk if line else None)
    _check_categories(budget, kind, fee_categories, line.pk if line else None)
    if to_be_confirmed and amount is not None:
        raise BudgetError(_("A line is either to be confirmed or has an amount, not both."))
    if line is None:
        last = budget.lines.order_by("-position").values_list("position", flat=True).first()
        line = BudgetLine(budget=budget, position=(last or 0) + 1)
    elif line.kind != kind and line.assumptions.exists():
        raise BudgetError(_("The projection uses this line; remove its assumption first."))
    line.kind = kind
    line.code = code if kind == BudgetLine.Kind.EXPENDITURE else ""
    line.name = name.strip()
    line.amount = checked_amount(amount, _("Amount"))
    line.to_be_confirmed = to_be_confirmed
    line.fee_categories = ",".join(fee_categories) if kind == BudgetLine.Kind.INCOME else ""
    created = line.pk is None
    save(line, by)
    audit(
        by=by,
        action="budget.line_added" if created else "budget.line_changed",
        target=line,
        summary=_("“%(name)s” saved in the %(year)s budget")
        % {"name": line.name, "year": budget.label},
        about=[budget],
        changes={"amount": str(line.amount), "to_be_confirmed": line.to_be_confirmed},
    )
    return line


def removal_problem(line: BudgetLine) -> str | None:
    if line.kind == BudgetLine.Kind.CARRY_FORWARD:
        return _("The carry forward cannot be removed.")
    if line.spending.exists():
        return _("“%(name)s” has expenditure recorded against it; it cannot be removed.") % {
            "name": line.name
        }
    if line.assumptions.exists():
        return _("The projection uses “%(name)s”; remove its assumption first.") % {
            "name": line.name
        }
    return None


@transaction.atomic
def line_remove(*, line: BudgetLine, by: Actor) -> None:
    require(by, MANAGE)
    budget = Budget.objects.select_for_update(of=("self",)).get(pk=line.budget_id)
    problem = removal_problem(line)
    if problem:
        raise BudgetError(problem)
    audit(
        by=by,
        action="budget.line_removed",
        target=budget,
        summary=_("“%(name)s” removed from the %(year)s budget")
        % {"name": line.name, "year": budget.label},
    )
    with acting_as(by):
        line.delete()


# --- actuals ----------------------------------------------------------------------------------


@transaction.atomic
def expenditure_record(
    *,
    line: BudgetLine,
    by: Actor,
    spent_on: date,
    amount: Decimal,
    description: str,
    reference: str = "",
) -> ExpenditureEntry:
    """Record money spent against an expenditure line, within the line's membership year."""
    require(by, MANAGE)
    line = (
        BudgetLine.objects.select_for_update(of=("self",)).select_related("budget").get(pk=line.pk)
    )
    if line.kind != BudgetLine.Kind.EXPENDITURE:
        raise BudgetError(_("Spending is recorded against an expenditure line."))
    year = line.budget.year
    if not (year_start(year) <= spent_on <= year_end(year)):
        raise BudgetError(
            _(
                "The date must fall in the membership year %(year)s (1 August %(start)d to 31 "
                "July %(end)d)."
            )
            % {"year": line.budget.label, "start": year, "end": year + 1}
        )
    if not description.strip():
        raise BudgetError(_("Say what the money was spent on."))
    entry = ExpenditureEntry(
        line=line,
        spent_on=spent_on,
        amount=checked_amount(amount, _("Amount")) or ZERO,
        description=description.strip(),
        reference=reference.strip(),
        recorded_by=user_of(by),
    )
    save(entry, by)
    audit(
        by=by,
        action="budget.spending_recorded",
        target=entry,
        summary=_("%(amount)s spent against “%(line)s”: %(description)s")
        % {
            "amount": format_money(entry.amount),
            "line": line.name,
            "description": entry.description,
        },
        about=[line, line.budget],
        changes={"amount": str(entry.amount), "spent_on": spent_on.isoformat()},
    )
    return entry
