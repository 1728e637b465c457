"""Governance in Chromium, with axe-core on every page: the body page, and minutes from draft to
published."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import PASSWORD
from coopnet.governance import services
from coopnet.governance.models import Constituency, Minutes
from coopnet.governance.tests.factories import SYSTEM

from .conftest import appoint, held_meeting, quorate, seat

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_visitor_reads_a_body_as_at_a_date(browser_page, eoc, org_a):
    appoint(
        seat(eoc, constituency=Constituency.FULL, office="chair"), org_a, start=date(2021, 1, 1)
    )
    bp = browser_page.visit("/governance/")
    bp.follow("Executive Oversight Committee")
    assert bp.page.get_by_role("heading", level=1).inner_text() == "Executive Oversight Committee"
    assert "11 vacant" in bp.page.content()
    bp.page.get_by_label("Show the membership on").fill("2020-06-30")
    bp.submit("Show")
    assert "on=2020-06-30" in bp.page.url  # shareable
    assert "0 of 12 places filled" in bp.page.content()


def test_minutes_from_draft_to_published(browser_page, network_admin, eoc, eoc_member):
    meeting = held_meeting(eoc, title="EOC October meeting")
    item = services.agenda_item_add(meeting=meeting, title="Budget", by=SYSTEM)
    later = held_meeting(eoc, days_ago=1, title="EOC November meeting")
    services.agenda_item_add(
        meeting=later, title="Minutes of October", approves_minutes_of=meeting, by=SYSTEM
    )

    bp = browser_page.sign_in(network_admin.email, PASSWORD)
    bp.visit(meeting.get_absolute_url())
    bp.follow("Record attendance")
    bp.page.get_by_role("group", name=eoc_member.display_name).get_by_label("Present").check()
    bp.submit("Record attendance")
    assert "Quorate" in bp.page.content() or "Not quorate" in bp.page.content()

    bp.visit(meeting.get_absolute_url())
    bp.follow("Write the minutes")
    bp.page.get_by_label(str(item)).fill("The budget for the year was agreed.")
    bp.submit("Save minutes")
    assert "Draft" in bp.page.content()

    eoc_member.email = "eoc.member@example.org"
    eoc_member.save()
    bp.submit("Circulate for comment")
    assert f"emailed for comment to {eoc_member.display_name}." in bp.page.content()
    assert Minutes.objects.get(meeting=meeting).status == Minutes.Status.CIRCULATED

    # The approving meeting has no attendance yet: the approval is refused, with the reason.
    bp.submit("Record approval")
    assert "Record who attended EOC November meeting before it approves" in bp.page.content()
    assert Minutes.objects.get(meeting=meeting).status == Minutes.Status.CIRCULATED
    quorate(later, eoc_member)
    bp.submit("Record approval")
    assert "recorded as approved" in bp.page.content()
    bp.submit("Publish the minutes")
    assert "have been published" in bp.page.content()

    bp.page.context.clear_cookies()
    bp.visit(f"/governance/meetings/{meeting.pk}/minutes/")
    assert "The budget for the year was agreed." in bp.page.content()
    assert "Approved at EOC November meeting" in bp.page.content()
