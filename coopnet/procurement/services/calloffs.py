"""Call-offs: create, issue (inviting every admitted supplier), clarify, tender, open, award."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import CharField, DateTimeField, F, IntegerField, Value
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.core.actors import acting_as, user_of
from coopnet.core.audit import audit_record
from coopnet.core.guard import refuse, require
from coopnet.core.money import format_money
from coopnet.members.models import Membership, Organisation

from .. import tasks
from ..errors import ProcurementError
from ..models import (
    Admission,
    Arrangement,
    Award,
    AwardCriterion,
    CallOff,
    Category,
    Clarification,
    CommunicationLog,
    Invitation,
    Score,
    Tender,
)
from ..working_days import add_working_days
from .common import insert_from_select, log_message, send_after_commit


def buyer_is_eligible(arrangement: Arrangement, buyer: Organisation, on: date) -> bool:
    """The buyer holds, on `on`, a membership in one of the arrangement's buyer categories."""
    return (
        Membership.objects.current_on(on)
        .filter(organisation=buyer, category__code__in=arrangement.eligible_buyer_categories)
        .exists()
    )


def _check_criteria(criteria: Sequence[tuple[str, int]]) -> None:
    if not criteria or any(not name.strip() or weight <= 0 for name, weight in criteria):
        raise ProcurementError(
            _("Give each award criterion a name and a weight above 0."), field="criteria"
        )
    total = sum(weight for _name, weight in criteria)
    if total != 100:
        raise ProcurementError(
            _("The weights of the award criteria must add up to 100 (they add up to %(n)s).")
            % {"n": total},
            field="criteria",
        )


def _check_deadline(arrangement: Arrangement, deadline: datetime, issued_on: date) -> None:
    minimum = arrangement.rules().minimum_tender_days
    earliest = issued_on + timedelta(days=minimum)
    if timezone.localdate(deadline) < earliest:
        raise ProcurementError(
            _("The tender deadline must be at least %(n)s days after the call-off is issued.")
            % {"n": minimum},
            field="tender_deadline",
        )


@transaction.atomic
def calloff_create(
    *,
    arrangement: Arrangement,
    category: Category,
    buyer: Organisation | None,
    title: str,
    requirement: str,
    budget: Decimal,
    criteria: Sequence[tuple[str, int]],
    tender_deadline: datetime,
    by: Any,
) -> CallOff:
    """A draft call-off for a buyer (or for the network itself when `buyer` is None)."""
    today = timezone.localdate()
    if buyer is None:
        require(by, "procurement.manage", message=_("Only network staff buy for the network."))
        if not arrangement.network_may_buy:
            raise refuse(_("The network itself does not buy through this arrangement."))
    else:
        require(
            by,
            "procurement.buy_for",
            buyer,
            message=_("You can only buy for an organisation you manage."),
        )
        if not buyer_is_eligible(arrangement, buyer, today):
            raise refuse(
                _("%(org)s is not an eligible buyer of %(arrangement)s.")
                % {"org": buyer, "arrangement": arrangement}
            )
    if category.arrangement_id != arrangement.pk:
        raise ProcurementError(_("Choose a category of this arrangement."), field="category")
    if not arrangement.is_open_on(today):
        raise ProcurementError(_("The arrangement is not open on that day."))
    if budget <= 0:
        raise ProcurementError(_("Enter a budget above £0."), field="budget")
    _check_criteria(criteria)
    _check_deadline(arrangement, tender_deadline, today)
    with acting_as(by):
        call_off = CallOff.objects.create(
            arrangement=arrangement,
            category=category,
            buyer=buyer,
            bought_by_network=buyer is None,
            title=title,
            requirement=requirement,
            budget=budget,
            tender_deadline=tender_deadline,
            created_by=user_of(by),
        )
        AwardCriterion.objects.bulk_create(
            AwardCriterion(call_off=call_off, name=name.strip(), weight=weight, order=n)
            for n, (name, weight) in enumerate(criteria)
        )
        audit_record(by=by, action="call_off.created", target=call_off, about=[buyer, category])
    return call_off


@transaction.atomic
def calloff_issue(*, call_off: CallOff, by: Any, on: date | None = None) -> int:
    """Issue the call-off: invite every supplier admitted in its category on the issue day.

    The invitations are written here in bulk; the emails go in one background task after commit.
    Returns the number of suppliers invited.
    """
    day = on or timezone.localdate()
    with acting_as(by):
        call_off = (
            CallOff.objects.select_for_update(of=("self",))
            .select_related("arrangement", "category", "buyer")
            .get(pk=call_off.pk)
        )
        require(by, "procurement.run_call_off", call_off)
        if call_off.status != CallOff.Status.DRAFT:
            raise ProcurementError(_("This call-off has already been issued."))
        if call_off.buyer and not buyer_is_eligible(call_off.arrangement, call_off.buyer, day):
            raise refuse(_("%(org)s is not an eligible buyer.") % {"org": call_off.buyer})
        if not call_off.arrangement.is_open_on(day):
            raise ProcurementError(_("The arrangement is not open on that day."))
        _check_deadline(call_off.arrangement, call_off.tender_deadline, day)
        admitted = Admission.objects.current_on(day).filter(category=call_off.category)
        if not admitted.exists():
            raise ProcurementError(_("No supplier is admitted in this category today."))
        now = timezone.now()
        values = {
            "buyer": call_off.buyer_name,
            "title": call_off.title,
            "category": call_off.category.name,
            "deadline": timezone.localtime(call_off.tender_deadline).strftime("%d/%m/%Y %H:%M"),
            "url": settings.SITE_URL.rstrip("/") + call_off.get_absolute_url(),
        }
        subject = _("Invitation to tender: %(title)s") % values
        body = (
            _(
                "%(buyer)s invites every supplier admitted in %(category)s to tender for "
                "%(title)s.\n\nTenders close at %(deadline)s.\n\n%(url)s"
            )
            % values
        )
        invited = insert_from_select(
            Invitation,
            admitted,
            {
                "call_off_id": Value(call_off.pk, output_field=IntegerField()),
                "supplier_id": F("organisation_id"),
                "admission_id": F("pk"),
                "invited_at": Value(now, output_field=DateTimeField()),
            },
        )
        # Who is told is looked up when the background task sends the emails.
        insert_from_select(
            CommunicationLog,
            admitted,
            {
                "kind": Value(CommunicationLog.Kind.INVITATION.value, output_field=CharField()),
                "organisation_id": F("organisation_id"),
                "call_off_id": Value(call_off.pk, output_field=IntegerField()),
                "subject": Value(subject[:300], output_field=CharField()),
                "body": Value(body, output_field=CharField()),
                "recipients": Value("", output_field=CharField()),
                "logged_at": Value(now, output_field=DateTimeField()),
            },
        )
        call_off.status = CallOff.Status.ISSUED
        call_off.issued_on = day
        call_off.save(update_fields=["status", "issued_on"])
        audit_record(
            by=by,
            action="call_off.issued",
            target=call_off,
            about=[call_off.buyer],
            summary=_("%(title)s issued to %(n)s suppliers")
            % {"title": call_off.title, "n": invited},
        )
        call_off_id = call_off.pk
        transaction.on_commit(lambda: tasks.send_invitations.enqueue(call_off_id=call_off_id))
    return invited


def _invited_supplier(call_off: CallOff, supplier: Organisation, by: Any) -> None:
    require(by, "procurement.apply_for", supplier, message=_("You do not act for that supplier."))
    if not call_off.invitations.filter(supplier=supplier).exists():
        raise refuse(_("%(org)s was not invited to this call-off.") % {"org": supplier})


@transaction.atomic
def clarification_ask(
    *, call_off: CallOff, supplier: Organisation, question: str, by: Any
) -> Clarification:
    _invited_supplier(call_off, supplier, by)
    if call_off.deadline_passed():
        raise ProcurementError(_("The tender deadline has passed."))
    if not question.strip():
        raise ProcurementError(_("Enter your question."), field="question")
    with acting_as(by):
        clarification = Clarification.objects.create(
            call_off=call_off,
            question=question.strip(),
            asked_by=user_of(by),
            asked_for=supplier,
            asked_at=timezone.now(),
        )
        audit_record(by=by, action="clarification.asked", target=clarification, about=[call_off])
    return clarification


@transaction.atomic
def clarification_answer(*, clarification: Clarification, answer: str, by: Any) -> Clarification:
    """Answer a question; every invited supplier sees it and is told, without who asked."""
    call_off = clarification.call_off
    require(by, "procurement.run_call_off", call_off)
    if not answer.strip():
        raise ProcurementError(_("Enter the answer."), field="answer")
    with acting_as(by):
        clarification.answer = answer.strip()
        clarification.answered_at = timezone.now()
        clarification.save(update_fields=["answer", "answered_at"])
        values = {"title": call_off.title, "q": clarification.question, "a": clarification.answer}
        logs = [
            log_message(
                kind=CommunicationLog.Kind.CLARIFICATION,
                organisation=invitation.supplier,
                call_off=call_off,
                subject=_("Clarification: %(title)s") % values,
                body=_("Question: %(q)s\n\nAnswer: %(a)s") % values,
            )
            for invitation in call_off.invitations.select_related("supplier")
        ]
        audit_record(by=by, action="clarification.answered", target=clarification, about=[call_off])
        send_after_commit(logs)
    return clarification


@transaction.atomic
def tender_submit(
    *,
    call_off: CallOff,
    supplier: Organisation,
    response: str,
    price: Decimal,
    by: Any,
    at: datetime | None = None,
) -> Tender:
    """Submit (or replace, before the deadline) the supplier's sealed tender."""
    now = at or timezone.now()
    call_off = CallOff.objects.select_for_update(of=("self",)).get(pk=call_off.pk)
    _invited_supplier(call_off, supplier, by)
    if call_off.status != CallOff.Status.ISSUED or call_off.deadline_passed(now):
        raise ProcurementError(
            _("The tender deadline has passed: a late tender cannot be accepted.")
        )
    if not response.strip():
        raise ProcurementError(_("Enter your response to the requirement."), field="response")
    if price <= 0:
        raise ProcurementError(_("Enter your price."), field="price")
    with acting_as(by):
        tender, created = Tender.objects.update_or_create(
            call_off=call_off,
            supplier=supplier,
            defaults={
                "response": response.strip(),
                "price": price,
                "submitted_at": now,
                "submitted_by": user_of(by),
            },
        )
        audit_record(
            by=by,
            action="tender.submitted" if created else "tender.replaced",
            target=tender,
            about=[call_off, supplier],
        )
    return tender


@transaction.atomic
def tenders_open(*, call_off: CallOff, by: Any, at: datetime | None = None) -> CallOff:
    """Open the tenders: only the buyer, and only at or after the deadline (staff included)."""
    now = at or timezone.now()
    call_off = CallOff.objects.select_for_update(of=("self",)).get(pk=call_off.pk)
    require(by, "procurement.run_call_off", call_off)
    if call_off.status != CallOff.Status.ISSUED:
        raise ProcurementError(_("The tenders of this call-off cannot be opened now."))
    if not call_off.deadline_passed(now):
        raise ProcurementError(_("Tenders stay sealed until the deadline has passed."))
    with acting_as(by):
        call_off.status = CallOff.Status.OPENED
        call_off.opened_at = now
        call_off.save(update_fields=["status", "opened_at"])
        audit_record(by=by, action="call_off.tenders_opened", target=call_off)
    return call_off


@transaction.atomic
def tender_score(
    *,
    tender: Tender,
    marks: Mapping[int, Decimal],
    by: Any,
    comments: Mapping[int, str] | None = None,
) -> Tender:
    """Mark a tender out of 10 against each criterion (keyed by criterion id)."""
    call_off = CallOff.objects.get(pk=tender.call_off_id)
    require(by, "procurement.run_call_off", call_off)
    if call_off.status != CallOff.Status.OPENED:
        raise ProcurementError(_("Tenders are scored once they are opened, before the award."))
    criteria = list(call_off.criteria.all())
    if set(marks) != {c.pk for c in criteria}:
        raise ProcurementError(_("Give a mark for every criterion."), field="marks")
    if any(not (Decimal(0) <= marks[c.pk] <= Decimal(10)) for c in criteria):
        raise ProcurementError(_("Each mark is between 0 and 10."), field="marks")
    with acting_as(by):
        for criterion in criteria:
            Score.objects.update_or_create(
                tender=tender,
                criterion=criterion,
                defaults={
                    "mark": marks[criterion.pk],
                    "comment": (comments or {}).get(criterion.pk, ""),
                },
            )
        audit_record(by=by, action="tender.scored", target=tender, about=[call_off])
    return tender


def _scores_text(tender: Tender) -> str:
    lines = [
        f"- {s.criterion.name} ({s.criterion.weight}%): {s.mark}/10" for s in tender.scores.all()
    ]
    lines.append(_("Total: %(total)s out of 100") % {"total": tender.total()})
    return "\n".join(lines)


@transaction.atomic
def calloff_award(
    *, call_off: CallOff, tender: Tender, reasons: str, by: Any, on: date | None = None
) -> Award:
    """Award to one tender with reasons; every unsuccessful supplier is told its scores and the
    winner's. A standstill period is recorded where the regime asks for one."""
    day = on or timezone.localdate()
    call_off = (
        CallOff.objects.select_for_update(of=("self",))
        .select_related("arrangement", "buyer")
        .get(pk=call_off.pk)
    )
    require(by, "procurement.run_call_off", call_off)
    if call_off.status != CallOff.Status.OPENED:
        raise ProcurementError(_("Only a call-off whose tenders are opened can be awarded."))
    if tender.call_off_id != call_off.pk:
        raise ProcurementError(_("Choose a tender of this call-off."), field="tender")
    if not reasons.strip():
        raise ProcurementError(_("Give the reasons for the award."), field="reasons")
    tenders = list(
        call_off.tenders.select_related("supplier").prefetch_related("scores__criterion")
    )
    criteria_count = call_off.criteria.count()
    if any(len(t.scores.all()) != criteria_count for t in tenders):
        raise ProcurementError(_("Score every tender against every criterion first."))
    winner = next(t for t in tenders if t.pk == tender.pk)
    standstill = call_off.arrangement.rules().standstill_working_days
    standstill_end = add_working_days(day, standstill) if standstill else None
    contract_date = add_working_days(standstill_end, 1) if standstill_end else day
    with acting_as(by):
        award = Award.objects.create(
            call_off=call_off,
            tender=winner,
            reasons=reasons.strip(),
            awarded_on=day,
            standstill_ends_on=standstill_end,
            contract_date=contract_date,
            awarded_by=user_of(by),
        )
        call_off.status = CallOff.Status.AWARDED
        call_off.save(update_fields=["status"])
        winner_values = {
            "title": call_off.title,
            "winner": winner.supplier.name,
            "price": format_money(winner.price),
            "reasons": award.reasons,
            "winner_scores": _scores_text(winner),
            "standstill": standstill_end.strftime("%d/%m/%Y") if standstill_end else "-",
        }
        logs = [
            log_message(
                kind=CommunicationLog.Kind.AWARD,
                organisation=winner.supplier,
                call_off=call_off,
                subject=_("Award: %(title)s") % winner_values,
                body=_(
                    "Your tender for %(title)s is successful.\n\nReasons: %(reasons)s\n\n"
                    "Your scores:\n%(winner_scores)s\n\nStandstill ends: %(standstill)s"
                )
                % winner_values,
            )
        ]
        for other in tenders:
            if other.pk == winner.pk:
                continue
            logs.append(
                log_message(
                    kind=CommunicationLog.Kind.UNSUCCESSFUL,
                    organisation=other.supplier,
                    call_off=call_off,
                    subject=_("Outcome: %(title)s") % winner_values,
                    body=_(
                        "Your tender for %(title)s was not successful.\n\nYour scores:\n"
                        "%(scores)s\n\nThe successful tender, from %(winner)s (%(price)s):\n"
                        "%(winner_scores)s\n\nReasons: %(reasons)s\n\n"
                        "Standstill ends: %(standstill)s"
                    )
                    % {**winner_values, "scores": _scores_text(other)},
                )
            )
        audit_record(
            by=by,
            action="call_off.awarded",
            target=call_off,
            about=[winner.supplier, call_off.buyer],
            reason=award.reasons,
        )
        send_after_commit(logs)
    return award
