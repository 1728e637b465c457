"""The demo governance: the EOC and V&P Board at 31 July 2022 as the review shows them."""

from __future__ import annotations

from datetime import date

import pytest

from coopnet.demo.loader import (
    LoadSummary,
    load_memberships,
    load_organisations,
    load_people,
)
from coopnet.governance import demo, selectors
from coopnet.governance.models import (
    Appointment,
    Body,
    DocumentVersion,
    GovernanceDocument,
    Seat,
)

pytestmark = pytest.mark.django_db

JULY_2022 = date(2022, 7, 31)


def load_registry_and_governance() -> LoadSummary:
    summary = LoadSummary()
    organisations = load_organisations(summary)
    people = load_people(organisations, summary)
    load_memberships(organisations, people, summary)
    demo.load(summary)
    return summary


def snapshot() -> dict:
    return {
        model.__name__: (sorted(model.objects.values_list()), model.history.count())
        for model in (Body, Seat, Appointment, GovernanceDocument, DocumentVersion)
    }


def test_loading_twice_changes_nothing():
    first = load_registry_and_governance()
    assert first.created["appointments"] == len(demo.APPOINTMENTS)
    before = snapshot()
    second = load_registry_and_governance()
    assert not second.created
    assert not second.updated
    assert snapshot() == before


@pytest.fixture
def loaded(db) -> None:
    load_registry_and_governance()


def test_the_eoc_at_31_july_2022(loaded):
    page = selectors.body_page("eoc", JULY_2022)
    assert page.places == 12
    assert page.filled == 10
    assert page.vacancies == 2  # a council place, and the V&P Chair's ex officio seat
    holders = {r.seat.name: [a.person.full_name for a in r.holders] for r in page.rows}
    assert holders["Chair (Full member)"] == ["Sharon Taylor"]
    assert holders["Vice-Chair (Full member)"] == ["Peter Bradbury"]
    assert len(holders["Member council representatives"]) == 5
    assert holders["Accountable Body representative"] == ["Barbara Brownridge"]
    assert holders["Chair of the Values and Principles Board (ex officio)"] == []


def test_the_vp_board_at_31_july_2022_with_its_two_vacancies(loaded):
    page = selectors.body_page("vp-board", JULY_2022)
    assert (page.places, page.filled, page.vacancies) == (19, 17, 2)
    vacant = {r.seat.name: r.vacancies for r in page.rows if r.vacancies}
    assert vacant == {"Chair (Full member)": 1, "Affiliate member representatives": 1}


def test_the_vp_chair_sat_on_the_eoc_until_june_2022(loaded):
    june = {
        a.person.full_name
        for a in selectors.members_on(Body.objects.get(slug="eoc"), date(2022, 6, 1))
    }
    assert "Joyce McCarty" in june
    assert all(a.start_is_approximate and a.source for a in Appointment.objects.all())


def test_the_revised_constitution_was_adopted_in_february_2022(loaded):
    doc = selectors.documents().get(slug="constitution")
    in_force = selectors.version_in_force(doc, JULY_2022)
    assert in_force is not None
    assert in_force.label == "Revised 2022"
    assert in_force.adopted_on_format == "F Y"
    assert selectors.version_in_force(doc, date(2021, 12, 31)).label == "2012"
