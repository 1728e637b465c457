"""Procurement's part of the permission matrix: every URL, every role."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any, cast

from django.utils import timezone

from coopnet.core.tests.matrix import (
    DENY,
    EDIT,
    LOGIN,
    OK,
    REDIRECT,
    Entry,
    admins_only,
    everyone,
    signed_in,
)
from coopnet.members.models import Organisation, RoleKind
from coopnet.members.tests.factories import RoleFactory
from coopnet.procurement import services
from coopnet.procurement.models import Category, DeclarationRenewal, Notice, RegimeRules

from .factories import NO_GROUNDS, AdmissionFactory, CategoryFactory, SupplierFactory, answers_for


def _only(*roles: str, other: object = DENY) -> dict[str, object]:
    return {**signed_in(other), **dict.fromkeys(roles, OK)}


def _posting(*roles: str) -> dict[str, object]:
    return {**signed_in(DENY), **dict.fromkeys(roles, REDIRECT)}


def _slug(c: dict[str, Any]) -> dict[str, Any]:
    return {"slug": c["procurement_arrangement"].slug}


def _call_off(c: dict[str, Any]) -> dict[str, Any]:
    return {"pk": c["procurement_call_off"].pk}


ENTRIES: dict[str, Entry] = {
    "procurement:arrangements": Entry(everyone(OK)),
    "procurement:arrangement": Entry(everyone(OK), _slug),
    "procurement:suppliers": Entry(everyone(OK), _slug, query="?on=2022-07-31"),
    # A newcomer applies without an account; a signed-in person is sent to the usual form.
    "procurement:new_supplier": Entry({**everyone(REDIRECT), "anonymous": OK}, _slug),
    "procurement:new_supplier_sent": Entry(everyone(OK), _slug),
    "procurement:apply": Entry(_only("officer_a", "officer_b", "network_admin"), _slug),
    "procurement:application": Entry(
        _only("officer_b", "network_admin"),
        lambda c: {"pk": c["procurement_application"].pk},
    ),
    "procurement:queue": Entry(admins_only()),
    "procurement:evaluate": Entry(admins_only(), lambda c: {"pk": c["procurement_application"].pk}),
    "procurement:decide": Entry(
        _posting("network_admin"),
        lambda c: {"pk": c["procurement_application"].decisions.get().pk},
        method="post",
    ),
    "procurement:extend": Entry(
        _posting("network_admin"),
        lambda c: {"pk": c["procurement_application"].pk},
        method="post",
    ),
    "procurement:admission_remove": Entry(
        admins_only(), lambda c: {"pk": c["procurement_admission"].pk}
    ),
    "procurement:declarations_request": Entry(_posting("network_admin"), _slug, method="post"),
    "procurement:declaration": Entry(
        _only("officer_b", "network_admin"),
        lambda c: {"pk": c["procurement_renewal"].pk},
    ),
    "procurement:notices": Entry(admins_only(), _slug),
    "procurement:notice_edit": Entry(admins_only(), lambda c: {"pk": c["procurement_notice"].pk}),
    "procurement:calloffs": Entry(signed_in(OK)),
    "procurement:calloff_new": Entry(_only("officer_a", "officer_b", "network_admin"), _slug),
    # The buyer (officer A's council), the invited supplier (officer B's) and staff read it.
    "procurement:calloff": Entry(_only("officer_a", "officer_b", "network_admin"), _call_off),
    # Only the buyer runs its call-off (staff only when the network itself buys).
    "procurement:calloff_issue": Entry(_posting("officer_a"), _call_off, method="post"),
    "procurement:clarification_ask": Entry(_posting("officer_b"), _call_off, method="post"),
    "procurement:clarification_answer": Entry(
        _posting("officer_a"),
        lambda c: {"pk": c["procurement_clarification"].pk},
        method="post",
    ),
    "procurement:tender": Entry(_only("officer_b"), _call_off),
    # Before the deadline the buyer is sent back with a message; the tenders stay sealed.
    "procurement:tenders_open": Entry(_posting("officer_a"), _call_off, method="post"),
    "procurement:calloff_evaluate": Entry(_posting("officer_a"), _call_off),
    "procurement:tender_score": Entry(
        _posting("officer_a"), lambda c: {"pk": c["procurement_tender"].pk}, method="post"
    ),
    "procurement:calloff_award": Entry(_posting("officer_a"), _call_off, method="post"),
    "procurement_open_data:ocds_json": Entry(everyone(OK)),
    "api:procurement-arrangement-list": Entry(everyone(OK)),
    "api:procurement-arrangement-detail": Entry(everyone(OK), _slug),
    "api:procurement-arrangement-suppliers": Entry(everyone(OK), _slug, query="?on=2022-07-31"),
    "api:procurement-evaluation-list": Entry({**admins_only(), "anonymous": DENY}),
    "api:my-supplier-application-list": Entry({**signed_in(OK), "anonymous": DENY}),
    "api:my-call-off-list": Entry({**signed_in(OK), "anonymous": DENY}),
}

assert LOGIN  # the signed_in() helper sends anonymous visitors to sign in


def site_context(ctx: dict[str, Any]) -> dict[str, Any]:
    category = cast(Category, CategoryFactory())
    arrangement = category.arrangement
    second = cast(Category, CategoryFactory(arrangement=arrangement))
    officer_b = ctx["users"]["officer_b"]
    supplier = cast(Organisation, SupplierFactory())
    RoleFactory(
        person=officer_b.person, organisation=supplier, kind=RoleKind.OFFICER, manages_profile=True
    )
    officer_b._managed_organisation_ids = None  # forget what was remembered before the new role
    admission = AdmissionFactory(category=category, organisation=supplier)
    application = services.application_submit(
        arrangement=arrangement,
        organisation=supplier,
        categories=[second],
        answers=answers_for(second),
        declarations=NO_GROUNDS,
        by=officer_b,
    )
    officer_a = ctx["users"]["officer_a"]
    call_off = services.calloff_create(
        arrangement=arrangement,
        category=category,
        buyer=ctx["org_a"],
        title="Matrix call-off",
        requirement="r",
        budget=Decimal("1000"),
        criteria=[("Quality", 100)],
        tender_deadline=timezone.now() + timedelta(days=20),
        by=officer_a,
    )
    services.calloff_issue(call_off=call_off, by=officer_a)
    clarification = services.clarification_ask(
        call_off=call_off, supplier=supplier, question="When?", by=officer_b
    )
    tender = services.tender_submit(
        call_off=call_off, supplier=supplier, response="Plan", price=Decimal("900"), by=officer_b
    )
    renewal = DeclarationRenewal.objects.create(
        arrangement=arrangement, organisation=supplier, requested_on=timezone.localdate()
    )
    notice = Notice.objects.create(
        arrangement=arrangement,
        title="Contract notice",
        reference="2020/S 064-151234",
        published_on=date(2020, 3, 27),
    )
    return {
        "procurement_notice": notice,
        "procurement_renewal": renewal,
        "procurement_arrangement": arrangement,
        "procurement_admission": admission,
        "procurement_application": application,
        "procurement_call_off": call_off,
        "procurement_clarification": clarification,
        "procurement_tender": tender,
    }


BACK_OFFICE: dict[str, dict[str, set[str]]] = {
    "procurement.arrangement": {"network_admin": EDIT},
    "procurement.category": {"network_admin": EDIT},
    "procurement.notice": {"network_admin": EDIT},
    "procurement.regimerules": {"network_admin": EDIT},
}


def back_office_objects(objects: dict[str, Any]) -> dict[str, Any]:
    category = cast(Category, CategoryFactory())
    notice = Notice.objects.create(
        arrangement=category.arrangement,
        title="Contract notice",
        reference="2020/S 000-000000",
        published_on=date(2020, 3, 1),
    )
    return {
        "procurement.arrangement": category.arrangement,
        "procurement.category": category,
        "procurement.notice": notice,
        "procurement.regimerules": RegimeRules.objects.first(),
    }
