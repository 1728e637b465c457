"""Governance's part of the permission matrix: every URL, every role.

Objects are on the V&P Board, which no other app's matrix appoints the board_member user to, so
the board_member here is a board member of no body: drafts are closed to them."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from coopnet.core.tests.matrix import (
    DENY,
    OK,
    REDIRECT,
    Entry,
    admins_only,
    everyone,
    signed_in,
)
from coopnet.governance import services
from coopnet.governance.composition import ensure_bodies
from coopnet.governance.models import Body, Constituency, GovernanceDocument, Meeting, Seat
from coopnet.governance.tests.factories import SYSTEM
from coopnet.members.tests.factories import PersonFactory

PDF = b"%PDF-1.4\n%%EOF\n"


def _posting_admin(other: object = DENY) -> dict[str, object]:
    return {**signed_in(other), "network_admin": REDIRECT}


def _draft(c: dict[str, Any]) -> dict[str, Any]:
    return {"pk": c["gov_draft"].pk}


def _item(c: dict[str, Any]) -> dict[str, Any]:
    return {"pk": c["gov_draft"].pk, "item": c["gov_item"].pk}


def _vp(c: dict[str, Any]) -> dict[str, Any]:
    return {"slug": "vp-board"}


ENTRIES: dict[str, Entry] = {
    "governance:bodies": Entry(everyone(OK)),
    "governance:body": Entry(everyone(OK), _vp, query="?on=2022-07-31"),
    "governance:meetings": Entry(everyone(OK), _vp),
    "governance:actions": Entry(admins_only(), _vp),
    "governance:appointment_add": Entry(admins_only(), _vp),
    "governance:appointment_end": Entry(admins_only(), lambda c: {"pk": c["gov_appointment"].pk}),
    "governance:member_photo": Entry(admins_only(), lambda c: {"slug": c["gov_person"].slug}),
    "governance:meeting_create": Entry(admins_only()),
    "governance:meeting": Entry(admins_only(), _draft),
    "governance:agenda_item_add": Entry(admins_only(), _draft),
    "governance:paper_add": Entry(admins_only(), _item),
    "governance:decision_add": Entry(admins_only(), _item),
    "governance:action_add": Entry(admins_only(), _item),
    "governance:attendance": Entry(admins_only(), _draft),
    "governance:paper": Entry(admins_only(), lambda c: {"pk": c["gov_paper"].pk}),
    "governance:minutes": Entry(admins_only(), _draft),
    "governance:minutes_pdf": Entry(admins_only(), _draft),
    "governance:minutes_edit": Entry(admins_only(), _draft),
    "governance:minutes_circulate": Entry(_posting_admin(), _draft, method="post"),
    "governance:minutes_approve": Entry(_posting_admin(), _draft, method="post"),
    "governance:minutes_publish": Entry(_posting_admin(), _draft, method="post"),
    # Only those who attended comment; nobody in the matrix attended.
    "governance:minutes_comment": Entry(signed_in(DENY), _draft, method="post"),
    "governance:action_done": Entry(
        _posting_admin(), lambda c: {"pk": c["gov_action"].pk}, method="post"
    ),
    "governance:document": Entry(everyone(OK), lambda c: {"slug": "constitution"}),
    "governance:document_version_add": Entry(admins_only(), lambda c: {"slug": "constitution"}),
    "governance:document_file": Entry(everyone(OK), lambda c: {"pk": c["gov_version"].pk}),
    "api:body-list": Entry(everyone(OK)),
    "api:body-detail": Entry(everyone(OK), _vp),
    "api:seat-list": Entry(everyone(OK)),
    "api:appointment-list": Entry(everyone(OK), query="?on=2022-07-31"),
    "api:meeting-list": Entry(everyone(OK)),
    "api:meeting-detail": Entry(everyone(OK), lambda c: {"pk": c["gov_published"].pk}),
}


def _meeting(vp: Body, title: str, days_ago: int) -> Meeting:
    return services.meeting_save(
        bodies=[vp],
        title=title,
        kind=Meeting.Kind.ORDINARY,
        starts_at=timezone.now() - timedelta(days=days_ago),
        online=True,
        location="",
        by=SYSTEM,
    )


def _published(vp: Body, person: Any) -> Meeting:
    meeting = _meeting(vp, "Published V&P meeting", 60)
    item = services.agenda_item_add(meeting=meeting, title="Budget", by=SYSTEM)
    services.attendance_record(meeting=meeting, person=person, status="present", by=SYSTEM)
    services.minutes_save(meeting=meeting, summary="", item_minutes={item.pk: "Agreed."}, by=SYSTEM)
    services.minutes_circulate(meeting=meeting, by=SYSTEM)
    later = _meeting(vp, "Approving V&P meeting", 30)
    approval = services.agenda_item_add(
        meeting=later, title="Minutes", approves_minutes_of=meeting, by=SYSTEM
    )
    vp.quorum = 1
    vp.save()
    services.attendance_record(meeting=later, person=person, status="present", by=SYSTEM)
    services.minutes_approve(meeting=meeting, at_item=approval, by=SYSTEM)
    services.minutes_publish(meeting=meeting, by=SYSTEM)
    return meeting


def site_context(ctx: dict[str, Any]) -> dict[str, Any]:
    ensure_bodies(accountable_body=ctx["org_a"])
    vp = Body.objects.get(slug="vp-board")
    person: Any = PersonFactory(full_name="Vera Member")
    seat = Seat.objects.get(body=vp, constituency=Constituency.FULL, office="")
    appointment = services.appointment_create(
        seat=seat,
        person=person,
        organisation=ctx["org_a"],
        start=date(2021, 1, 1),
        how="elected",
        by=SYSTEM,
    )
    draft = _meeting(vp, "Draft V&P meeting", 5)
    item = services.agenda_item_add(meeting=draft, title="Strategy", by=SYSTEM)
    paper = services.paper_add(
        agenda_item=item, title="Strategy paper", upload=SimpleUploadedFile("s.pdf", PDF), by=SYSTEM
    )
    action = services.action_record(
        agenda_item=item,
        text="Draft the strategy",
        owner=person,
        due=timezone.localdate() + timedelta(days=20),
        by=SYSTEM,
    )
    document = GovernanceDocument.objects.create(
        slug="constitution", title="Constitution", kind="constitution"
    )
    version = services.document_version_add(
        document=document,
        label="2022",
        adopted_on=date(2022, 2, 1),
        upload=SimpleUploadedFile("c.pdf", PDF),
        by=SYSTEM,
    )
    return {
        "gov_person": person,
        "gov_appointment": appointment,
        "gov_draft": draft,
        "gov_item": item,
        "gov_paper": paper,
        "gov_action": action,
        "gov_version": version,
        "gov_published": _published(vp, person),
    }


# The back office: the composition of bodies, for network admins.
BACK_OFFICE: dict[str, dict[str, set[str]]] = {
    "governance.body": {"network_admin": {"view", "add", "change"}},
}


def back_office_objects(objects: dict[str, Any]) -> dict[str, Any]:
    ensure_bodies(accountable_body=objects["members.organisation"])
    return {"governance.body": Body.objects.get(slug="eoc")}
