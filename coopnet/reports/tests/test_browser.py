"""Generating and publishing a Review of the Year in Chromium, with axe-core on every page."""

from __future__ import annotations

import pytest

from conftest import PASSWORD
from coopnet.reports.models import GeneratedReport

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_write_generate_and_publish_then_the_public_read(browser_page, network_admin):
    bp = browser_page
    page = bp.page
    bp.sign_in(network_admin.email, PASSWORD)
    bp.visit("/reports/review/2019/text/")
    page.get_by_label("Welcome", exact=True).fill("A year of growth.")
    page.get_by_label("Highlights of the year").fill("A new website\nFour Policy Labs")
    bp.submit("Save")
    assert "A year of growth." in page.content()
    assert "Not published yet" in page.content()
    bp.visit("/reports/")
    page.get_by_label("Review of the Year").check()
    page.get_by_label("Membership year").select_option("2019")
    bp.submit("Generate")
    report = GeneratedReport.objects.get()
    assert report.state == GeneratedReport.State.READY, report.error
    bp.visit(report.get_absolute_url())
    assert "The document is ready" in page.content()
    bp.submit("Publish")
    page.context.clear_cookies()
    bp.visit("/reports/review/")
    bp.follow("Review of the Year 2019/20")
    assert "Four Policy Labs" in page.content()
    assert "Download the Review as a PDF" in page.content()
