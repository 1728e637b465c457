"""The strategy page and the KPI dashboard in Chromium, axe-checked; a network admin records an
activity's progress and the board shows it."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import PASSWORD
from coopnet.core.figures import set_coverage
from coopnet.core.models import ReportedFigure

from .factories import strategy

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_strategy_and_its_dashboard_are_accessible_and_staff_record_progress(
    browser_page, network_admin
):
    bp, page = browser_page, browser_page.page
    s = strategy(3)
    set_coverage("members-full", date(2021, 8, 1))
    ReportedFigure.objects.create(
        key="members-full", as_of=date(2024, 7, 31), value=47, source="Strategy 2024-2026"
    )
    ReportedFigure.objects.create(
        key="members-associate", as_of=date(2022, 7, 31), value=22, source="Review 2021/22"
    )
    bp.visit(f"/strategy/{s.slug}/")
    assert page.get_by_role("heading", name="1. A cooperative network").is_visible()
    bp.follow("KPI dashboard: the measures over the years")
    charts = page.locator("img.coopnet-chart")
    assert charts.count() == 3
    assert "The table beside the chart gives the same figures" in charts.first.get_attribute("alt")
    assert "Differs from the published figure" in page.content()
    assert "Published figure" in page.content()
    bp.sign_in(network_admin.email, PASSWORD)
    bp.visit(f"/strategy/{s.slug}/kpis/")
    bp.follow("Edit or record progress 1.4")
    page.get_by_label("Date of the update").fill("2024-09-01")
    page.get_by_label("Progress").select_option("at_risk")
    page.get_by_label("Note").first.fill("Forum trial delayed")
    bp.submit("Record progress")
    assert "At risk" in page.content()
    assert "Forum trial delayed" in page.content()
