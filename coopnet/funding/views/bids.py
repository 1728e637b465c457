"""Bidding: start a bid, fill it in, partners confirm, documents, submit or withdraw."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coopnet.accounts.requests import signed_in_user
from coopnet.core.errors import reported
from coopnet.core.files import serve
from coopnet.core.guard import allowed, require
from coopnet.members.selectors import managed_organisation_ids

from .. import selectors, services
from ..eligibility import eligibility_problems
from ..forms import (
    BidForm,
    BudgetFormSet,
    DocumentForm,
    MilestoneFormSet,
    NewBidForm,
    PartnerForm,
    RoundForm,
)
from ..models import Bid, BidDocument, BidPartner, Round, Scheme


def round_new(request: HttpRequest) -> HttpResponse:
    require(request.user, "funding.manage")
    form = RoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        with reported(form) as outcome:
            rnd = services.round_save(
                year=d["year"],
                theme=d["theme"],
                description=d["description"],
                opens_on=d["opens_on"],
                closes_on=d["closes_on"],
                pots={
                    Scheme.objects.get(kind="lab"): d["lab_pot"],
                    Scheme.objects.get(kind="prototype"): d["prototype_pot"],
                },
                criteria=[
                    (line.strip(), "", 5) for line in d["criteria"].splitlines() if line.strip()
                ],
                by=signed_in_user(request),
            )
        if outcome.ok:
            messages.success(request, _("The %(year)s round has been saved.") % {"year": rnd.year})
            return redirect(rnd)
    return render(
        request,
        "funding/form_page.html",
        {"form": form, "heading": _("Open a funding round"), "submit": _("Save round")},
    )


def bid_new(request: HttpRequest, year: int) -> HttpResponse:
    require(request.user, "funding.bid")
    rnd = get_object_or_404(Round, year=year)
    user = signed_in_user(request)
    network = allowed(user, "funding.bid_for_any_organisation")
    leads = selectors.bid_lead_choices(user, any_member=network)
    form = NewBidForm(request.POST or None, leads=leads, network=network)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        with reported(form) as outcome:
            bid = services.bid_create(
                round=rnd,
                scheme=d["scheme"],
                lead=d.get("lead"),
                led_by_network=bool(d.get("led_by_network")),
                title=d["title"],
                by=user,
            )
        if outcome.ok:
            messages.success(request, _("Your draft bid has been saved."))
            return redirect("funding:bid_edit", pk=bid.pk)
    return render(
        request,
        "funding/form_page.html",
        {"form": form, "heading": _("Start a bid"), "caption": str(rnd), "submit": _("Start bid")},
    )


def my_bids(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    ids = managed_organisation_ids(user)
    manager = allowed(user, "funding.manage")
    bids = selectors.all_bids() if manager else selectors.bids_for_user(ids)
    person = getattr(user, "person", None)
    return render(
        request,
        "funding/my_bids.html",
        {
            "bids": bids,
            "assignments": selectors.assignments_for(person),
            "open_rounds": Round.objects.filter(
                opens_on__lte=timezone.localdate(), closes_on__gte=timezone.localdate()
            ),
            "reports": selectors.reports_to_review() if manager else [],
        },
    )


def _bid(request: HttpRequest, pk: int, perm: str = "funding.view_bid") -> Bid:
    try:
        bid = selectors.bid_for_page(pk)
    except Bid.DoesNotExist as exc:
        raise Http404(_("There is no bid with that number.")) from exc
    require(request.user, perm, bid)
    return bid


def bid_detail(request: HttpRequest, pk: int) -> HttpResponse:
    bid = _bid(request, pk)
    user = signed_in_user(request)
    can_edit = allowed(user, "funding.edit_bid", bid)
    problems = (
        eligibility_problems(bid, timezone.localdate()) if bid.is_editable and can_edit else []
    )
    ids = managed_organisation_ids(user)
    return render(
        request,
        "funding/bid.html",
        {
            "bid": bid,
            "can_edit": can_edit and bid.is_editable,
            "can_withdraw": can_edit and bid.status in (Bid.Status.DRAFT, Bid.Status.SUBMITTED),
            "problems": problems,
            "confirmable": [
                p for p in bid.partners.all() if p.organisation_id in ids and not p.confirmed_at
            ],
            "can_manage": allowed(user, "funding.manage"),
            "next_round": open_round_after(bid)
            if can_edit and bid.status == Bid.Status.DEFERRED
            else None,
            "show_reviews": allowed(user, "funding.view_panel"),
        },
    )


def bid_edit(request: HttpRequest, pk: int) -> HttpResponse:
    bid = _bid(request, pk, "funding.edit_bid")
    if not bid.is_editable:
        messages.error(request, _("Only a draft bid can be changed."))
        return redirect(bid)
    initial: dict[str, object] = {f: getattr(bid, f) for f in services.BID_FIELDS}
    initial["principles"] = list(bid.principles.all())
    form = BidForm(request.POST or None, initial=initial)
    lines = [
        {"description": line.description, "amount": line.amount} for line in bid.budget_lines.all()
    ]
    stones = [{"title": m.title, "due_on": m.due_on} for m in bid.milestones.all()]
    budget = BudgetFormSet(request.POST or None, prefix="budget", initial=lines + [{}] * 3)
    milestones = MilestoneFormSet(
        request.POST or None, prefix="milestones", initial=stones + [{}] * 2
    )
    if request.method == "POST" and form.is_valid() and budget.is_valid() and milestones.is_valid():
        user = signed_in_user(request)
        details = dict(form.cleaned_data)
        principles = details.pop("principles")
        with reported(form) as outcome:
            services.bid_update(bid=bid, by=user, principles=principles, **details)
            services.bid_set_budget(
                bid=bid,
                by=user,
                lines=[
                    (f["description"], f["amount"])
                    for f in budget.cleaned_data
                    if f.get("description")
                ],
            )
            services.bid_set_milestones(
                bid=bid,
                by=user,
                milestones=[
                    (f["title"], f["due_on"]) for f in milestones.cleaned_data if f.get("title")
                ],
            )
        if outcome.ok:
            messages.success(request, _("Your bid has been saved."))
            return redirect(bid)
    return render(
        request,
        "funding/bid_edit.html",
        {"bid": bid, "form": form, "budget": budget, "milestones": milestones},
    )


def bid_partner_add(request: HttpRequest, pk: int) -> HttpResponse:
    bid = _bid(request, pk, "funding.edit_bid")
    exclude = [bid.lead_id or 0, *[p.organisation_id for p in bid.partners.all()]]
    form = PartnerForm(request.POST or None, exclude=exclude)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.bid_add_partner(bid=bid, by=signed_in_user(request), **form.cleaned_data)
        if outcome.ok:
            messages.success(
                request,
                _("%(org)s has been added. Someone who manages it must now confirm its part.")
                % {"org": form.cleaned_data["organisation"].name},
            )
            return redirect(bid)
    return render(
        request,
        "funding/form_page.html",
        {
            "form": form,
            "heading": _("Add a partner"),
            "caption": bid.title,
            "submit": _("Add partner"),
            "back": bid.get_absolute_url(),
        },
    )


def _act(request: HttpRequest, bid: Bid, action: Any, success: str) -> HttpResponse:
    with reported(request) as outcome:
        action()
    if outcome.ok:
        messages.success(request, success)
    return redirect(bid)


@require_POST
def bid_partner_remove(request: HttpRequest, pk: int, partner_id: int) -> HttpResponse:
    bid = _bid(request, pk, "funding.edit_bid")
    partner = BidPartner.objects.filter(pk=partner_id, bid=bid).first()
    if partner is None:  # removed already (a second click)
        messages.info(request, _("That partner is no longer on the bid."))
        return redirect(bid)
    return _act(
        request,
        bid,
        lambda: services.bid_remove_partner(partner=partner, by=signed_in_user(request)),
        _("The partner has been removed."),
    )


@require_POST
def bid_partner_confirm(request: HttpRequest, pk: int, partner_id: int) -> HttpResponse:
    bid = _bid(request, pk)
    partner = get_object_or_404(BidPartner, pk=partner_id, bid=bid)
    return _act(
        request,
        bid,
        lambda: services.partner_confirm(partner=partner, by=signed_in_user(request)),
        _("%(org)s's part in this bid is confirmed.") % {"org": partner.organisation.name},
    )


def bid_document_add(request: HttpRequest, pk: int) -> HttpResponse:
    bid = _bid(request, pk, "funding.edit_bid")
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.bid_add_document(
                bid=bid,
                by=signed_in_user(request),
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
            )
        if outcome.ok:
            messages.success(request, _("The document has been uploaded."))
            return redirect(bid)
    return render(
        request,
        "funding/form_page.html",
        {
            "form": form,
            "heading": _("Upload a document"),
            "caption": bid.title,
            "submit": _("Upload"),
            "multipart": True,
            "back": bid.get_absolute_url(),
        },
    )


def bid_document(request: HttpRequest, pk: int, document_id: int) -> HttpResponseBase:
    bid = _bid(request, pk)
    doc = get_object_or_404(BidDocument, pk=document_id, bid=bid)
    return serve(request, doc, "file", filename=doc.title)


def bid_submit(request: HttpRequest, pk: int) -> HttpResponse:
    """Check your answers, then submit."""
    bid = _bid(request, pk, "funding.edit_bid")
    if request.method == "POST":
        with reported(request) as outcome:
            services.bid_submit(bid=bid, by=signed_in_user(request))
        if outcome.ok:
            messages.success(request, _("Your bid has been submitted."))
            return redirect(bid)
    problems = eligibility_problems(bid, timezone.localdate()) if bid.is_editable else []
    return render(request, "funding/bid_submit.html", {"bid": bid, "problems": problems})


def open_round_after(bid: Bid) -> Round | None:
    today = timezone.localdate()
    return (
        Round.objects.filter(year__gt=bid.round.year, opens_on__lte=today, closes_on__gte=today)
        .order_by("year")
        .first()
    )


@require_POST
def bid_carry_forward(request: HttpRequest, pk: int) -> HttpResponse:
    bid = _bid(request, pk, "funding.edit_bid")
    to_round = open_round_after(bid)
    if to_round is None:
        messages.error(request, _("No later round is open yet."))
        return redirect(bid)
    with reported(request) as outcome:
        new = services.bid_carry_forward(bid=bid, to_round=to_round, by=signed_in_user(request))
    if not outcome.ok:
        return redirect(bid)
    messages.success(
        request,
        _("The bid is now a draft in the %(year)s round. Check it, then submit it.")
        % {"year": to_round.year},
    )
    return redirect(new)


@require_POST
def bid_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    bid = _bid(request, pk, "funding.edit_bid")
    return _act(
        request,
        bid,
        lambda: services.bid_withdraw(bid=bid, by=signed_in_user(request)),
        _("The bid has been withdrawn."),
    )
