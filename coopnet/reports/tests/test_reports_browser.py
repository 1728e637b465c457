"""A network admin generates a Review of the Year in Chromium, watches its progress, and opens
the PDF; axe-core checks every page."""

from __future__ import annotations

import pytest

from conftest import PASSWORD
from coopnet.reports import services
from coopnet.reports.building import report_build
from coopnet.reports.models import GeneratedReport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class _Queue:
    """Stands in for the task queue, so the generation waits until the test builds it (as a
    worker would) while the page shows its progress."""

    def __init__(self) -> None:
        self.queued: list[int] = []

    def enqueue(self, *, report_id: int) -> None:
        self.queued.append(report_id)


def test_staff_generate_a_review_watch_its_progress_and_open_the_pdf(
    browser_page, network_admin, monkeypatch
):
    queue = _Queue()
    monkeypatch.setattr(services, "build_report", queue)
    bp = browser_page.sign_in(network_admin.email, PASSWORD)
    bp.visit("/reports/")
    bp.page.get_by_label("Review of the Year").check()
    bp.page.get_by_label("Membership year").select_option(label="2021/22")
    bp.submit("Generate")

    report = GeneratedReport.objects.get()
    assert queue.queued == [report.pk]
    assert bp.page.url.endswith(report.get_absolute_url())
    status = bp.page.locator("#report-status")
    assert "Queued" in status.inner_text()
    assert bp.page.get_by_role("link", name="Open the PDF").count() == 0

    report_build(report_id=report.pk)  # the worker picks it up; the page polls (htmx)
    bp.page.get_by_text("The document is ready").wait_for(timeout=30_000)
    bp.check()  # the swapped-in status, checked too
    link = bp.page.get_by_role("link", name="Open the PDF")
    href = link.get_attribute("href")
    assert href == f"/reports/generated/{report.pk}/pdf/"
    response = bp.page.request.get(bp.url(href))  # with the staff member's session
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")
    report.refresh_from_db()
    assert report.state == GeneratedReport.State.READY
    assert f"{report.pages} pages" in status.inner_text()
