"""Rounds and bids: draft, partners, budget, timeline, documents, submit, withdraw."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.core.actors import Actor, acting_as, user_of
from coopnet.core.audit import audit_record
from coopnet.core.guard import require
from coopnet.core.models import Principle
from coopnet.core.uploads import PDF, name_by_content, starts_like_pdf
from coopnet.members.models import Organisation

from ..eligibility import eligibility_problems
from ..errors import FundingError
from ..models import Bid, BidDocument, BidMilestone, BidPartner, BudgetLine, Round, RoundPot, Scheme

BID_FIELDS = (
    "title",
    "summary",
    "problem",
    "approach",
    "outputs",
    "locality",
    "starts_on",
    "ends_on",
    "amount",
)
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024


@transaction.atomic
def round_save(
    *,
    year: int,
    theme: str,
    opens_on: date,
    closes_on: date,
    pots: dict[Scheme, Decimal],
    criteria: Iterable[tuple[str, str, int]] = (),
    description: str = "",
    by: Actor,
) -> Round:
    """Open (or change) the round of `year` with its pots and published review criteria."""
    require(by, "funding.manage")
    if closes_on < opens_on:
        raise FundingError(_("A round cannot close before it opens."), field="closes_on")
    with acting_as(by):
        rnd, created = Round.objects.update_or_create(
            year=year,
            defaults={
                "theme": theme,
                "opens_on": opens_on,
                "closes_on": closes_on,
                "description": description,
            },
        )
        for scheme, amount in pots.items():
            RoundPot.objects.update_or_create(round=rnd, scheme=scheme, defaults={"amount": amount})
        for order, (title, guidance, max_score) in enumerate(criteria):
            rnd.criteria.update_or_create(
                title=title, defaults={"guidance": guidance, "max_score": max_score, "order": order}
            )
        audit_record(
            by=by,
            action="round.opened" if created else "round.changed",
            target=rnd,
            changes={
                "opens_on": opens_on.isoformat(),
                "closes_on": closes_on.isoformat(),
                "pots": {scheme.kind: str(amount) for scheme, amount in pots.items()},
            },
        )
    return rnd


def _editable(bid_pk: int, by: Actor) -> Bid:
    bid = (
        Bid.objects.select_for_update(of=("self",))
        .select_related("round", "scheme", "lead")
        .get(pk=bid_pk)
    )
    require(by, "funding.edit_bid", bid)
    if not bid.is_editable:
        raise FundingError(_("Only a draft bid can be changed."))
    return bid


def _audit(by: Actor, action: str, bid: Bid, **kwargs: Any) -> None:
    """Every write to a bid concerns the bid, its round and its lead organisation."""
    about = [bid.round, bid.lead, *kwargs.pop("about", ())]
    audit_record(by=by, action=action, target=bid, about=about, **kwargs)


@transaction.atomic
def bid_create(
    *,
    round: Round,
    scheme: Scheme,
    lead: Organisation | None,
    by: Actor,
    title: str,
    led_by_network: bool = False,
) -> Bid:
    if led_by_network:
        require(by, "funding.manage")
        lead = None
    else:
        if lead is None:
            raise FundingError(_("Choose the organisation that leads the bid."), field="lead")
        require(
            by,
            "funding.bid_for",
            lead,
            message=_("You can only bid for an organisation you manage."),
        )
    if round.closes_on and timezone.localdate() > round.closes_on:
        raise FundingError(
            _("The %(year)s round closed on %(date)s.")
            % {"year": round.year, "date": round.closes_on.strftime("%d/%m/%Y")}
        )
    with acting_as(by):
        bid = Bid.objects.create(
            round=round,
            scheme=scheme,
            lead=lead,
            led_by_network=led_by_network,
            title=title,
            created_by=user_of(by),
        )
        _audit(by, "bid.created", bid)
    return bid


@transaction.atomic
def bid_update(
    *,
    bid: Bid,
    by: Actor,
    title: str | None = None,
    summary: str | None = None,
    problem: str | None = None,
    approach: str | None = None,
    outputs: str | None = None,
    locality: str | None = None,
    starts_on: date | None = None,
    ends_on: date | None = None,
    amount: Decimal | None = None,
    principles: Iterable[Principle] | None = None,
) -> Bid:
    """Change the parts of a draft bid that are given (None leaves a part as it is)."""
    bid = _editable(bid.pk, by)
    given: dict[str, Any] = {
        "title": title,
        "summary": summary,
        "problem": problem,
        "approach": approach,
        "outputs": outputs,
        "locality": locality,
        "starts_on": starts_on,
        "ends_on": ends_on,
        "amount": amount,
    }
    changed = []
    for name, value in given.items():
        if value is not None and getattr(bid, name) != value:
            setattr(bid, name, value)
            changed.append(name)
    with acting_as(by):
        bid.save()
        if principles is not None:
            bid.principles.set(principles)
        _audit(by, "bid.updated", bid, changes={"fields": changed})
    return bid


@transaction.atomic
def bid_set_budget(*, bid: Bid, by: Actor, lines: Iterable[tuple[str, Decimal]]) -> Bid:
    """Replace the budget breakdown; the amount asked for becomes the lines' total."""
    bid = _editable(bid.pk, by)
    items = [(d.strip(), a) for d, a in lines if d.strip()]
    if any(a <= 0 for _d, a in items):
        raise FundingError(_("Every budget line needs an amount above £0."))
    with acting_as(by):
        bid.budget_lines.all().delete()
        BudgetLine.objects.bulk_create(
            BudgetLine(bid=bid, description=d, amount=a, order=i) for i, (d, a) in enumerate(items)
        )
        bid.amount = sum((a for _d, a in items), Decimal(0))
        bid.save(update_fields=["amount"])
        _audit(by, "bid.budget_set", bid, changes={"amount": str(bid.amount)})
    return bid


@transaction.atomic
def bid_set_milestones(*, bid: Bid, by: Actor, milestones: Iterable[tuple[str, date]]) -> Bid:
    bid = _editable(bid.pk, by)
    with acting_as(by):
        bid.milestones.all().delete()
        BidMilestone.objects.bulk_create(
            BidMilestone(bid=bid, title=t.strip(), due_on=d) for t, d in milestones if t.strip()
        )
        _audit(by, "bid.milestones_set", bid)
    return bid


@transaction.atomic
def bid_add_partner(
    *, bid: Bid, by: Actor, organisation: Organisation, role: str = ""
) -> BidPartner:
    bid = _editable(bid.pk, by)
    if organisation.pk == bid.lead_id:
        raise FundingError(
            _("The lead organisation cannot also be a partner."), field="organisation"
        )
    if bid.partners.filter(organisation=organisation).exists():
        raise FundingError(
            _("%(org)s is already a partner.") % {"org": organisation.name}, field="organisation"
        )
    with acting_as(by):
        partner = BidPartner.objects.create(bid=bid, organisation=organisation, role=role)
        _audit(by, "bid.partner_added", bid, about=[organisation])
    return partner


@transaction.atomic
def bid_remove_partner(*, partner: BidPartner, by: Actor) -> None:
    bid = _editable(partner.bid_id, by)
    with acting_as(by):
        organisation = partner.organisation
        partner.delete()
        _audit(by, "bid.partner_removed", bid, about=[organisation])


@transaction.atomic
def partner_confirm(*, partner: BidPartner, by: Actor) -> BidPartner:
    """The partner organisation (someone who manages it) confirms it takes part."""
    partner = (
        BidPartner.objects.select_for_update(of=("self",))
        .select_related("organisation", "bid__round", "bid__lead")
        .get(pk=partner.pk)
    )
    require(
        by,
        "funding.confirm_partner",
        partner,
        message=_("Only the partner organisation can confirm its part."),
    )
    if partner.bid.status not in (Bid.Status.DRAFT, Bid.Status.SUBMITTED):
        raise FundingError(_("This bid is no longer open."))
    if partner.confirmed_at is None:
        with acting_as(by):
            partner.confirmed_at = timezone.now()
            partner.confirmed_by = user_of(by)
            partner.save()
            _audit(by, "bid.partner_confirmed", partner.bid, about=[partner.organisation])
    return partner


def max_document_bytes() -> int:
    return int(getattr(settings, "COOPNET_FUNDING_MAX_DOCUMENT_BYTES", MAX_DOCUMENT_BYTES))


def check_pdf(upload: UploadedFile) -> None:
    """Refuse anything that is not a PDF of an acceptable size (checked by its first bytes)."""
    limit = max_document_bytes()
    if upload.size is None or upload.size > limit:
        raise FundingError(
            _("The file must be smaller than %(mb)s MB.") % {"mb": round(limit / 1024 / 1024)},
            field="file",
        )
    if not starts_like_pdf(upload) or not (upload.name or "").lower().endswith(".pdf"):
        raise FundingError(_("The file must be a PDF."), field="file")
    name_by_content(upload, PDF)


@transaction.atomic
def bid_add_document(*, bid: Bid, by: Actor, title: str, upload: UploadedFile) -> BidDocument:
    bid = _editable(bid.pk, by)
    check_pdf(upload)
    with acting_as(by):
        document = BidDocument.objects.create(
            bid=bid, title=title, file=upload, size=upload.size or 0, uploaded_by=user_of(by)
        )
        _audit(by, "bid.document_added", bid, summary=f"bid.document_added: {title}")
    return document


@transaction.atomic
def bid_submit(*, bid: Bid, by: Actor, now: Any = None) -> Bid:
    """Submit before the deadline, if the scheme's rules allow it; else refuse with reasons."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    # Lock the lead first so two bids of one organisation cannot both slip through.
    if bid.lead_id:
        Organisation.objects.select_for_update(of=("self",)).filter(pk=bid.lead_id).first()
    bid = _editable(bid.pk, by)
    rnd = bid.round
    if rnd.opens_on and today < rnd.opens_on:
        raise FundingError(_("The %(year)s round has not opened yet.") % {"year": rnd.year})
    if rnd.closes_on is None or today > rnd.closes_on:
        raise FundingError(
            _("Too late: the %(year)s round closed at the end of %(date)s.")
            % {
                "year": rnd.year,
                "date": rnd.closes_on.strftime("%d/%m/%Y") if rnd.closes_on else "—",
            }
        )
    problems = eligibility_problems(bid, today)
    if problems:
        raise FundingError(" ".join(problems))
    with acting_as(by):
        bid.status = Bid.Status.SUBMITTED
        bid.submitted_at = now
        bid.save()
        _audit(by, "bid.submitted", bid, about=[p.organisation for p in bid.partners.all()])
    return bid


@transaction.atomic
def bid_withdraw(*, bid: Bid, by: Actor) -> Bid:
    bid = Bid.objects.select_for_update(of=("self",)).get(pk=bid.pk)
    require(by, "funding.edit_bid", bid)
    if bid.status not in (Bid.Status.DRAFT, Bid.Status.SUBMITTED):
        raise FundingError(_("A bid that has been decided cannot be withdrawn."))
    with acting_as(by):
        bid.status = Bid.Status.WITHDRAWN
        bid.save()
        _audit(by, "bid.withdrawn", bid)
    return bid


@transaction.atomic
def bid_carry_forward(*, bid: Bid, to_round: Round, by: Actor) -> Bid:
    """A bid the meeting deferred becomes a new draft in a later round (partners confirm again)."""
    bid = Bid.objects.select_for_update(of=("self",)).get(pk=bid.pk)
    require(by, "funding.edit_bid", bid)
    if bid.status != Bid.Status.DEFERRED:
        raise FundingError(_("Only a bid deferred to the next round can be carried forward."))
    if to_round.year <= bid.round.year:
        raise FundingError(_("A deferred bid moves to a later round."))
    if Bid.objects.filter(round=to_round, title=bid.title, lead=bid.lead).exists():
        raise FundingError(_("This bid has already been carried forward."))
    with acting_as(by):
        new = _copy_bid(bid, to_round, by)
        _audit(by, "bid.carried_forward", new, about=[bid])
    return new


def _copy_bid(bid: Bid, to_round: Round, by: Actor) -> Bid:
    new = Bid.objects.create(
        round=to_round,
        scheme=bid.scheme,
        lead=bid.lead,
        led_by_network=bid.led_by_network,
        created_by=user_of(by),
        **{f: getattr(bid, f) for f in BID_FIELDS},
    )
    new.principles.set(bid.principles.all())
    BudgetLine.objects.bulk_create(
        BudgetLine(bid=new, description=x.description, amount=x.amount, order=x.order)
        for x in bid.budget_lines.all()
    )
    BidMilestone.objects.bulk_create(
        BidMilestone(bid=new, title=m.title, due_on=m.due_on) for m in bid.milestones.all()
    )
    BidPartner.objects.bulk_create(
        BidPartner(bid=new, organisation_id=p.organisation_id, role=p.role)
        for p in bid.partners.all()
    )
    BidDocument.objects.bulk_create(
        BidDocument(
            bid=new, title=d.title, file=d.file.name, size=d.size, uploaded_by=d.uploaded_by
        )
        for d in bid.documents.all()
    )
    return new
