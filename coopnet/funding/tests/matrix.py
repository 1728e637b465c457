"""Funding's part of the permission matrix: every URL, every role."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any, cast

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from coopnet.core.models import Principle
from coopnet.core.tests.matrix import (
    DENY,
    LOGIN,
    OK,
    REDIRECT,
    Entry,
    admins_only,
    editors_of_a,
    everyone,
    signed_in,
)
from coopnet.funding import services
from coopnet.funding.models import Bid, Project, Scheme, SchemeRule
from coopnet.funding.schemes import load_schemes
from coopnet.funding.tests.factories import SYSTEM
from coopnet.governance.tests.factories import (
    AppointmentFactory,
    BodyFactory,
    MeetingFactory,
    SeatFactory,
)
from coopnet.members.models import Person
from coopnet.members.tests.factories import PersonFactory


def _only(*roles: str, other: object = DENY) -> dict[str, object]:
    return {**signed_in(other), **dict.fromkeys(roles, OK)}


def _posting(*roles: str) -> dict[str, object]:
    return {**signed_in(DENY), **dict.fromkeys(roles, REDIRECT)}


BID_READERS = ("officer_a", "officer_b", "board_member", "network_admin")


def _year(c: dict[str, Any]) -> dict[str, Any]:
    return {"year": c["funding_round"].year}


def _bid(c: dict[str, Any]) -> dict[str, Any]:
    return {"pk": c["funding_draft"].pk}


def _submitted(c: dict[str, Any]) -> dict[str, Any]:
    return {"pk": c["funding_submitted"].pk}


def _project(c: dict[str, Any]) -> dict[str, Any]:
    return {"slug": c["funding_project"].slug}


ENTRIES: dict[str, Entry] = {
    "funding:projects": Entry(everyone(OK)),
    "funding:kpis": Entry(everyone(OK)),
    "funding:rounds": Entry(everyone(OK)),
    "funding:round": Entry(everyone(OK), _year),
    "funding:round_new": Entry(admins_only()),
    "funding:bid_new": Entry(_only("officer_a", "officer_b", "network_admin"), _year),
    "funding:panel": Entry(_only("board_member", "network_admin"), _year),
    "funding:my_bids": Entry(signed_in(OK)),
    "funding:bid": Entry(_only(*BID_READERS), _bid),
    "funding:bid_edit": Entry(editors_of_a(), _bid),
    "funding:bid_partner_add": Entry(editors_of_a(), _bid),
    "funding:bid_partner_remove": Entry(
        _posting("officer_a", "network_admin"),
        lambda c: {**_bid(c), "partner_id": c["funding_partner"].pk},
        method="post",
    ),
    # Anyone who can read the bid may try; only the partner's managers (and admins) confirm.
    "funding:bid_partner_confirm": Entry(
        _posting("officer_a", "network_admin"),
        lambda c: {**_submitted(c), "partner_id": c["funding_submitted_partner"].pk},
        method="post",
    ),
    "funding:bid_document_add": Entry(editors_of_a(), _bid),
    "funding:bid_document": Entry(
        _only(*BID_READERS), lambda c: {**_bid(c), "document_id": c["funding_document"].pk}
    ),
    "funding:bid_submit": Entry(editors_of_a(), _bid),
    "funding:bid_withdraw": Entry(_posting("officer_a", "network_admin"), _bid, method="post"),
    # The draft is not deferred: editors are sent back to the bid with the reason.
    "funding:bid_carry_forward": Entry(_posting("officer_a", "network_admin"), _bid, method="post"),
    "funding:bid_reviewers": Entry(admins_only(), _submitted),
    "funding:decide": Entry(admins_only(), _submitted),
    "funding:review": Entry(_only("board_member"), lambda c: {"pk": c["funding_assignment"].pk}),
    "funding:review_conflict": Entry(
        _only("board_member"), lambda c: {"pk": c["funding_assignment"].pk}
    ),
    "funding:project": Entry(everyone(OK), _project),
    "funding:project_manage": Entry(editors_of_a(), _project),
    "funding:agreement": Entry(editors_of_a(), _project),
    "funding:agreement_sign": Entry(_posting("network_admin"), _project, method="post"),
    "funding:project_status": Entry(admins_only(), _project),
    "funding:follow_up": Entry(admins_only(), _project),
    "funding:report": Entry(editors_of_a(), lambda c: {"pk": c["funding_report"].pk}),
    "funding:report_review": Entry(admins_only(), lambda c: {"pk": c["funding_report"].pk}),
    # Open data and the API: public.
    "open_data:index": Entry(everyone(OK)),
    "open_data:360giving_json": Entry(everyone(OK)),
    "open_data:360giving_csv": Entry(everyone(OK)),
    "api:funded-project-list": Entry(everyone(OK)),
    "api:funded-project-detail": Entry(everyone(OK), _project),
}

assert LOGIN  # the signed_in() helper sends anonymous visitors to sign in


def _complete(bid: Bid, principle: Principle) -> Bid:
    start = timezone.localdate() + timedelta(days=30)
    services.bid_update(
        bid=bid,
        by=SYSTEM,
        summary="s",
        problem="p",
        approach="a",
        outputs="o",
        starts_on=start,
        ends_on=start + timedelta(days=240),
        principles=[principle],
    )
    services.bid_set_budget(bid=bid, by=SYSTEM, lines=[("Staff", Decimal("5000"))])
    services.bid_set_milestones(bid=bid, by=SYSTEM, milestones=[("Start", start)])
    return bid


def site_context(ctx: dict[str, Any]) -> dict[str, Any]:
    if not Scheme.objects.exists():
        load_schemes(Scheme, SchemeRule)
    lab = Scheme.objects.get(kind="lab")
    today = timezone.localdate()
    rnd = services.round_save(
        year=today.year,
        theme="Matrix",
        opens_on=today - timedelta(days=5),
        closes_on=today + timedelta(days=5),
        pots={lab: Decimal("60000")},
        criteria=[("Co-operative difference", "", 5)],
        by=SYSTEM,
    )
    principle = Principle.objects.get(slug="co-production")
    org_a, org_b = ctx["org_a"], ctx["org_b"]
    draft = services.bid_create(round=rnd, scheme=lab, lead=org_a, by=SYSTEM, title="Draft bid")
    partner = services.bid_add_partner(bid=draft, by=SYSTEM, organisation=org_b)
    pdf = SimpleUploadedFile("plan.pdf", b"%PDF-1.7\n%%EOF")
    document = services.bid_add_document(bid=draft, by=SYSTEM, title="Plan", upload=pdf)

    submitted = services.bid_create(round=rnd, scheme=lab, lead=org_b, by=SYSTEM, title="Submitted")
    sub_partner = services.bid_add_partner(bid=submitted, by=SYSTEM, organisation=org_a)
    services.partner_confirm(partner=sub_partner, by=SYSTEM)
    _complete(submitted, principle)
    services.bid_submit(bid=submitted, by=SYSTEM)
    # The partner's confirmation is what the matrix posts: make it unconfirmed again.
    sub_partner.confirmed_at = None
    sub_partner.save()

    eoc = BodyFactory.create(slug="eoc", name="EOC")
    vp = BodyFactory.create(slug="vp-board", name="V&P Board")
    seat = SeatFactory.create(body=eoc, name="Member", constituency="full", places=6)
    board_user = ctx["users"]["board_member"]
    reviewer = cast(Person, PersonFactory(user=board_user))
    AppointmentFactory.create(
        seat=seat, person=reviewer, organisation=None, start=date(2020, 1, 1), how="elected"
    )
    assignment = services.reviewer_assign(bid=submitted, reviewer=reviewer, by=SYSTEM)

    approved = services.bid_create(round=rnd, scheme=lab, lead=org_a, by=SYSTEM, title="Approved")
    # org_a already leads a draft, which does not count against "one per round".
    _complete(approved, principle)
    services.bid_submit(bid=approved, by=SYSTEM)
    meeting = MeetingFactory.create(
        title="Joint meeting",
        kind="joint",
        starts_at=timezone.now() + timedelta(days=6),  # after the round closes
        bodies=[eoc, vp],
    )
    services.decision_record(bid=approved, meeting=meeting, outcome="approve", by=SYSTEM)
    project = Project.objects.get(bid=approved)
    return {
        "funding_round": rnd,
        "funding_draft": draft,
        "funding_partner": partner,
        "funding_document": document,
        "funding_submitted": submitted,
        "funding_submitted_partner": sub_partner,
        "funding_assignment": assignment,
        "funding_project": project,
        "funding_report": project.reports.first(),
    }
