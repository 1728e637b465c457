"""A new member's induction: started when its membership is approved, ticked off step by step."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.core.actors import acting_as, user_of
from coopnet.core.audit import audit_record
from coopnet.core.guard import require
from coopnet.members.models import Organisation

from ..errors import LearningError
from ..models import Induction, InductionItem, InductionStep


@transaction.atomic
def induction_start(*, organisation: Organisation, by: Any, on: date | None = None) -> Induction:
    """Start the three-phase induction of a new member (idempotent: one per organisation).

    Meant to be called by the membership approval service (`membership_approve`) inside its
    transaction, acting as the person approving; staff may also start one by hand.
    """
    require(by, "learning.manage")
    existing = Induction.objects.filter(organisation=organisation).first()
    if existing is not None:
        return existing
    start = on or timezone.localdate()
    with acting_as(by):
        induction = Induction.objects.create(
            organisation=organisation, started_on=start, started_by=user_of(by)
        )
        InductionItem.objects.bulk_create(
            InductionItem(
                induction=induction,
                phase=step.phase,
                title=step.title,
                owner=step.owner,
                due_on=start + timedelta(days=step.days_to_complete),
                order=step.order,
            )
            for step in InductionStep.objects.all()
        )
        audit_record(by=by, action="induction.started", target=induction, about=(organisation,))
    return induction


@transaction.atomic
def induction_item_done(
    *, item: InductionItem, by: Any, on: date | None = None, undo: bool = False
) -> InductionItem:
    """Tick off one step of an induction (or, with `undo`, un-tick it)."""
    item = (
        InductionItem.objects.select_for_update(of=("self",))
        .select_related("induction__organisation")
        .get(pk=item.pk)
    )
    require(by, "learning.tick_induction", item.induction)
    day = on or timezone.localdate()
    if not undo and day > timezone.localdate():
        raise LearningError(_("The date cannot be in the future."))
    with acting_as(by):
        item.done_on = None if undo else day
        item.done_by = None if undo else user_of(by)
        item.save(update_fields=["done_on", "done_by"])
        audit_record(
            by=by,
            action="induction.step_undone" if undo else "induction.step_done",
            target=item.induction,
            summary=f"{item.title}",
            about=(item.induction.organisation,),
        )
    return item
