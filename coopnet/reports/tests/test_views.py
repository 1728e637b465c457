"""Staff-only generation pages; the public read a Review only once it is published."""

from __future__ import annotations

import pytest
from django.test import TestCase

from coopnet.core.guard import Refused
from coopnet.core.reports import REVIEW
from coopnet.reports import services
from coopnet.reports.errors import ReportError
from coopnet.reports.models import GeneratedReport, YearNarrative

from .factories import ready_report

pytestmark = pytest.mark.django_db


def test_an_unpublished_review_is_not_shown_to_the_public(client, officer_a):
    ready_report(year=2019)
    assert client.get("/reports/review/2019/").status_code == 404
    client.force_login(officer_a)
    assert client.get("/reports/review/2019/").status_code == 404


def test_an_unpublished_pdf_is_refused(client, officer_a):
    report = ready_report(year=2019)
    response = client.get(f"/reports/generated/{report.pk}/pdf/")
    assert response.status_code == 302
    assert "login" in response["Location"]
    client.force_login(officer_a)
    assert client.get(f"/reports/generated/{report.pk}/pdf/").status_code == 403


def test_publishing_makes_the_review_public(client, network_admin):
    report = ready_report(year=2019)
    services.report_publish(report=report, by=network_admin)
    response = client.get("/reports/review/2019/")
    assert response.status_code == 200
    assert f"/reports/generated/{report.pk}/pdf/" in response.content.decode()
    pdf = client.get(f"/reports/generated/{report.pk}/pdf/")
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert "2019/20" in client.get("/reports/review/").content.decode()


def test_only_one_generation_of_a_year_is_published(network_admin):
    first, second = ready_report(year=2019), ready_report(year=2019)
    services.report_publish(report=first, by=network_admin)
    services.report_publish(report=second, by=network_admin)
    first.refresh_from_db()
    assert first.published_at is None


def test_an_unfinished_generation_cannot_be_published(network_admin):
    report = GeneratedReport.objects.create(kind=REVIEW, year=2019)
    with pytest.raises(ReportError):
        services.report_publish(report=report, by=network_admin)


def test_officers_may_not_generate(officer_a):
    with pytest.raises(Refused):
        services.report_request(kind=REVIEW, year=2021, by=officer_a)


def test_staff_generate_from_the_form_and_see_progress(client, network_admin):
    client.force_login(network_admin)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post("/reports/", {"kind": REVIEW, "year": "2019"})
    report = GeneratedReport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == report.get_absolute_url()
    report.refresh_from_db()
    assert report.state == GeneratedReport.State.READY, report.error
    page = client.get(report.get_absolute_url()).content.decode()
    assert "The document is ready" in page
    assert "Figures printed" in page


def test_the_year_text_is_saved_with_its_history(client, network_admin):
    client.force_login(network_admin)
    for welcome in ("First welcome", "Second welcome"):
        response = client.post(
            "/reports/review/2019/text/", {"welcome": welcome, "highlights": "One\nTwo"}
        )
        assert response.status_code == 302
    narrative = YearNarrative.objects.get(year=2019)
    assert narrative.welcome == "Second welcome"
    assert narrative.history.count() == 2
    page = client.get("/reports/review/2019/").content.decode()
    assert "Second welcome" in page
    assert "<li>Two</li>" in page
    assert client.get("/reports/review/2019/text/").status_code == 200


def test_the_lga_report_follows_the_lga_layout(network_admin):
    from coopnet.core.reports import LGA
    from coopnet.reports import document

    services.narrative_save(
        year=2021,
        by=network_admin,
        lead_member="Cllr Sharon Taylor OBE, Leader of Stevenage Borough Council",
        lead_officer="Jonathan Downs, Corporate Policy Lead, Oldham Council",
        aim="A collaboration between local authorities.",
        activities="Approved four Policy Labs\nLaunched three Policy Lab Reports",
    )
    doc = document.document(LGA, 2021)
    keys = [s.key for s in doc.sections]
    # Funded projects and governance appear when their records exist (none in this test).
    assert [k for k in keys if k not in ("governance", "funded-projects")] == [
        "details",
        "membership",
        "aim",
        "activities",
    ]
    html = document.render_html(doc)
    for text in (
        "SIG name",
        "Lead member",
        "Cllr Sharon Taylor OBE",
        "Jonathan Downs",
        "comms@councils.coop",
        "A collaboration between local authorities.",
        "<li>Launched three Policy Lab Reports</li>",
    ):
        assert text in html, text
