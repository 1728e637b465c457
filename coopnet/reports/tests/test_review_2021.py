"""The Review of the Year 2021/22 generated from the demo data against the published review
(the seeds): computed wherever the demo holds the records, else the published figure, marked."""

from __future__ import annotations

from decimal import Decimal

import pytest

from coopnet.core.reports import REVIEW
from coopnet.reports import document

REVIEW_SOURCE = "Review of the Year 2021/22"


@pytest.fixture
def review(demo):
    doc = document.document(REVIEW, 2021)
    return {s.key: s for s in doc.sections}, doc


def _row(sections, code):
    return next(r for r in sections["membership"].context["rows"] if r.code == code)


def test_full_members_and_supporters_are_computed_the_year_before_is_published(review):
    sections, _doc = review
    full = _row(sections, "full")
    assert full.now.recorded and full.now.value == 34 and not full.now.differs
    # 31 July 2021 is before the records begin: never "0", the published 33 with its source.
    assert not full.before.recorded and full.before.from_reported
    assert full.before.value == 33
    assert any(REVIEW_SOURCE in s for s in full.before.sources)
    supporters = _row(sections, "supporter")
    assert supporters.now.recorded and supporters.now.value == 21
    assert supporters.before.from_reported and supporters.before.value == 14


def test_partly_recorded_categories_print_the_published_figure(review):
    sections, _doc = review
    associate, affiliate = _row(sections, "associate"), _row(sections, "affiliate")
    # The demo holds 6 of 22 Associates and 41 of 44 Affiliates: the partial counts never print.
    assert associate.now.from_reported and associate.now.value == 22 and associate.now.computed is None
    assert associate.before.value == 20
    assert affiliate.now.from_reported and affiliate.now.value == 44
    assert affiliate.before.value == 36
    town = sections["membership"].context["town_and_parish"]["now"]
    assert town.from_reported and town.value == 10
    assert not associate.list_complete and 0 < len(associate.names) < 22


def test_full_member_list_as_at_31_july(review):
    sections, _doc = review
    names = _row(sections, "full").names
    assert len(names) == 34
    for council in ("Barking & Dagenham Council", "Stevenage Borough Council", "Worthing Borough Council"):
        assert council in names


def test_headline_figures_are_the_published_ones_with_their_source(review):
    sections, _doc = review
    figures = sections["headline"].context["figures"]
    assert figures["members-total"].from_reported and figures["members-total"].value == 100
    assert figures["councils-citizens"].value == Decimal(9_100_000)
    assert figures["councils-budget"].value == Decimal(15_000_000_000)
    assert figures["councils-budget"].from_reported


def test_governance_funded_projects_events_dps_and_budget(review):
    sections, doc = review
    printed = doc.figures
    eoc = printed["governance.eoc.members"]
    assert any("Sharon Taylor" in m for m in eoc)
    projects = printed["funded-projects.projects"]
    assert len(projects) == 5
    for title in (
        "Democratising Policy Solutions",
        "Art & Culture for Social Cohesion",
        "Study Visit to Mondragon for CCIN Members",
        "Cooperative Development Toolkit",
        "Translating Cooperative Values into 'Social Values' for Procurement",
    ):
        assert any(p.startswith(title) for p in projects)
    dps = printed["dps.dps-2020-2025.suppliers"]
    assert len(dps) == 20
    for supplier in ("4OC", "Ideas Alliance", "Peopletoo", "Unlimited Potential"):
        assert supplier in dps
    assert any("Study visit to Mondragon" in e for e in printed["events.events"])
    assert printed["budget.income"] == "253459.00"
    assert printed["budget.expenditure"] == "206234.00"
    assert printed["budget.balance"] == "47225.00"


def test_the_page_marks_published_figures(demo, client, network_admin):
    client.force_login(network_admin)
    response = client.get("/reports/review/2021/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "published figure, not recorded in the registry" in html
    assert "Barking &amp; Dagenham Council" in html
    assert "£47,225.00" in html
