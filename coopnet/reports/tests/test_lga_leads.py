"""The LGA report's lead member and lead officer come from governance: the Chair of the EOC
and the officer lead of the Accountable Body on 31 July; what staff typed is the fallback."""

from __future__ import annotations

from datetime import date

import pytest

from coopnet.core.reports import LGA
from coopnet.governance.composition import ensure_bodies
from coopnet.governance.models import Appointment, Office, Seat
from coopnet.members.models import RoleKind
from coopnet.members.tests.factories import OrganisationFactory, PersonFactory, RoleFactory
from coopnet.reports import document, services

pytestmark = pytest.mark.django_db

YEAR_END = date(2022, 7, 31)


@pytest.fixture
def typed(network_admin):
    services.narrative_save(
        year=2021,
        by=network_admin,
        lead_member="Typed lead member",
        lead_officer="Typed lead officer",
    )


@pytest.fixture
def governance_leads(org_a):
    ensure_bodies(accountable_body=org_a)
    chair_seat = Seat.objects.get(body__slug="eoc", office=Office.CHAIR)
    stevenage = OrganisationFactory(name="Stevenage Borough Council")
    chair = PersonFactory(full_name="Sharon Taylor")
    Appointment.objects.create(
        seat=chair_seat,
        person=chair,
        organisation=stevenage,
        start=date(2021, 8, 1),
        how=Appointment.How.ELECTED,
    )
    RoleFactory(
        person=PersonFactory(full_name="Jonathan Downs"),
        organisation=org_a,
        kind=RoleKind.OFFICER_LEAD,
        title="Corporate Policy Lead",
    )
    return chair


def _details(year: int = 2021):
    doc = document.document(LGA, year)
    built = next(s for s in doc.sections if s.key == "details")
    return built, document.render_html(doc)


def test_the_leads_are_read_from_governance_with_their_source(typed, governance_leads, org_a):
    built, html = _details()
    printed = built.section.printed
    assert printed["lead-member"] == "Sharon Taylor, Stevenage Borough Council"
    assert printed["lead-member-source"] == (
        "governance: Executive Oversight Committee, Chair (Full member)"
    )
    assert printed["lead-officer"] == f"Jonathan Downs, Corporate Policy Lead, {org_a.name}"
    assert printed["lead-officer-source"].startswith("governance: Executive Oversight Committee")
    assert "Typed lead member" not in html
    assert "Typed lead officer" not in html
    assert "From governance: Chair (Full member) of the Executive Oversight Committee" in html
    assert f"From governance: the officer lead of {org_a.name}" in html
    assert "31 July 2022" in html


def test_a_change_in_governance_changes_the_report(typed, governance_leads):
    Appointment.objects.filter(person=governance_leads).update(end=date(2022, 6, 30))
    built, html = _details()
    assert built.section.printed["lead-member"] == "Typed lead member"
    assert built.section.printed["lead-member-source"] == "typed by staff"
    assert "Typed by staff: governance records none on 31 July." in html
    # The officer lead is still recorded.
    assert built.section.printed["lead-officer"].startswith("Jonathan Downs")


def test_staff_typed_leads_are_used_only_when_governance_has_none(typed):
    built, html = _details()
    assert built.section.printed["lead-member"] == "Typed lead member"
    assert built.section.printed["lead-officer"] == "Typed lead officer"
    assert built.section.printed["lead-officer-source"] == "typed by staff"
    assert html.count("Typed by staff: governance records none on 31 July.") == 2


def test_a_lead_who_is_not_public_is_not_named(typed, governance_leads):
    governance_leads.is_public = False
    governance_leads.save()
    built, _ = _details()
    assert "Sharon Taylor" not in built.section.printed["lead-member"]
