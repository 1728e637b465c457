"""The Review of the Year 2021/22 generated from the demo data against the published review
(the seeds): computed wherever the demo holds the records, else the published figure, marked."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from io import BytesIO

import pypdfium2 as pdfium
from django.test import TestCase
from PIL import Image

from coopnet.core.reports import REVIEW
from coopnet.members.models import Membership
from coopnet.reports import document, selectors, services
from coopnet.reports.models import GeneratedReport

REVIEW_SOURCE = "Review of the Year 2021/22"


def _review():
    doc = document.document(REVIEW, 2021)
    return {s.key: s for s in doc.sections}, doc


def _row(sections, code):
    return next(r for r in sections["membership"].context["rows"] if r.code == code)


def _full_members_and_supporters_are_computed_the_year_before_is_published(review):
    sections, _doc = review
    full = _row(sections, "full")
    assert full.now.recorded
    assert full.now.value == 34
    assert not full.now.differs
    # 31 July 2021 is before the records begin: never "0", the published 33 with its source.
    assert not full.before.recorded
    assert full.before.from_reported
    assert full.before.value == 33
    assert any(REVIEW_SOURCE in s for s in full.before.sources)
    supporters = _row(sections, "supporter")
    assert supporters.now.recorded
    assert supporters.now.value == 21
    assert supporters.before.from_reported
    assert supporters.before.value == 14


def _partly_recorded_categories_print_the_published_figure(review):
    sections, _doc = review
    associate, affiliate = _row(sections, "associate"), _row(sections, "affiliate")
    # The demo holds 6 of 22 Associates and 41 of 44 Affiliates: the partial counts never print.
    assert associate.now.from_reported
    assert associate.now.value == 22
    assert associate.now.computed is None
    assert associate.before.value == 20
    assert affiliate.now.from_reported
    assert affiliate.now.value == 44
    assert affiliate.before.value == 36
    town = sections["membership"].context["town_and_parish"]["now"]
    assert town.from_reported
    assert town.value == 10
    assert not associate.list_complete
    assert 0 < len(associate.names) < 22


def _full_member_list_as_at_31_july(review):
    sections, _doc = review
    names = _row(sections, "full").names
    assert len(names) == 34
    for council in (
        "Barking & Dagenham Council",
        "Stevenage Borough Council",
        "Worthing Borough Council",
    ):
        assert council in names


def _headline_figures_are_the_published_ones_with_their_source(review):
    sections, _doc = review
    figures = sections["headline"].context["figures"]
    assert figures["members-total"].from_reported
    assert figures["members-total"].value == 100
    # The demo holds every member council's population: the citizens are computed, and the
    # network's published 9.1 million (excluding GMCA) is kept beside them, flagged as different.
    citizens = figures["councils-citizens"]
    assert citizens.recorded
    assert citizens.value == Decimal(9_555_874)
    assert [r.value for r in citizens.reported] == [Decimal(9_100_000)]
    assert citizens.differs
    assert figures["councils-budget"].value == Decimal(15_000_000_000)
    assert figures["councils-budget"].from_reported


def _governance_funded_projects_events_dps_and_budget(review):
    _sections, doc = review
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


def _the_page_marks_published_figures(client):
    response = client.get("/reports/review/2021/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "published figure, not recorded in the registry" in html
    assert "Barking &amp; Dagenham Council" in html
    assert "£47,225.00" in html


def test_review_2021_22_from_the_demo_data(demo, client, network_admin):
    """One load of the demo (it is slow); each part below checks one part of the review."""
    review = _review()
    _full_members_and_supporters_are_computed_the_year_before_is_published(review)
    _partly_recorded_categories_print_the_published_figure(review)
    _full_member_list_as_at_31_july(review)
    _headline_figures_are_the_published_ones_with_their_source(review)
    _governance_funded_projects_events_dps_and_budget(review)
    client.force_login(network_admin)
    _the_page_marks_published_figures(client)
    _the_pdf_is_generated_stored_and_reproducible(network_admin, client)


def _rendered_pages(content: bytes) -> list[Image.Image]:
    """The PDF's pages as pictures (PDFium), each also written out as a PNG."""
    pdf = pdfium.PdfDocument(content)
    images = []
    for index in range(len(pdf)):
        image = pdf[index].render(scale=0.6).to_pil()
        png = BytesIO()
        image.save(png, format="PNG")
        assert png.getvalue().startswith(b"\x89PNG")
        images.append(image)
    return images


def _ink(image: Image.Image) -> float:
    """The share of the page that is not white."""
    grey = image.convert("L")
    histogram = grey.histogram()
    return 1 - sum(histogram[250:]) / (grey.width * grey.height)


def _generate(by, regenerates=None):
    return services.report_request(kind=REVIEW, year=2021, by=by, regenerates=regenerates)


def _the_pdf_is_generated_stored_and_reproducible(admin, client):
    with TestCase.captureOnCommitCallbacks(execute=True):
        first = _generate(admin)
    first.refresh_from_db()
    assert first.state == GeneratedReport.State.READY, first.error
    assert first.done == first.total > 5
    content = first.file.read()
    pages = _rendered_pages(content)
    assert first.pages == len(pages) >= 10  # cover, one page a section
    assert all(_ink(page) > 0.002 for page in pages), "a blank page"
    # The stored figures are what the review printed.
    assert first.figures["membership.full.now"]["value"] == "34"
    assert first.figures["membership.associate.now"]["from_reported"] is True
    assert first.inputs["year"] == 2021

    # The same data gives the same figures.
    with TestCase.captureOnCommitCallbacks(execute=True):
        second = services.report_regenerate(report=first, by=admin)
    second.refresh_from_db()
    assert second.figures == first.figures
    assert selectors.differences(first, second) == []

    # A Full member leaves before 31 July 2022: the next generation says so, and the comparison
    # lists exactly the figures that changed.
    leaving = Membership.objects.filter(
        category__code="full", organisation__name="Worthing Borough Council"
    ).get()
    Membership.objects.filter(pk=leaving.pk).update(end=date(2022, 6, 30))
    with TestCase.captureOnCommitCallbacks(execute=True):
        third = services.report_regenerate(report=second, by=admin)
    third.refresh_from_db()
    changed = {name: (old, new) for name, old, new in selectors.differences(second, third)}
    assert changed["membership.full.now"] == ("34", "33")
    assert "membership.full.list" in changed
    assert "Worthing Borough Council" in changed["membership.full.list"][0]
    assert "Worthing Borough Council" not in changed["membership.full.list"][1]
    assert not any(name.startswith("dps.") for name in changed)
    page = client.get(f"/reports/generated/{third.pk}/compare/{second.pk}/")
    assert page.status_code == 200
    assert "membership.full.now" in page.content.decode()
