"""The events KPI goes through the coverage rule: no computed 0 for a year the events are not
recorded for; the published figure is shown, marked, with its source."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from coopnet.core.figures import set_coverage
from coopnet.core.models import ReportedFigure
from coopnet.events import selectors

pytestmark = pytest.mark.django_db


@pytest.fixture
def published():
    ReportedFigure.objects.create(
        key="meetings-and-events", as_of=date(2023, 7, 31), value=12, source="Strategy 2024-2026"
    )


def test_without_coverage_the_published_figure_stands_not_a_computed_zero(client, published):
    (row,) = selectors.events_kpi([2022])
    assert row.figure.computed is None
    assert row.figure.value == 12
    assert row.figure.from_reported
    body = client.get(reverse("events:kpis")).content.decode()
    assert "Published figure" in body
    assert "Strategy 2024-2026" in body


def test_with_coverage_the_count_is_shown_and_the_difference_flagged(client, published):
    set_coverage("meetings-and-events", date(2022, 8, 1))
    (row,) = selectors.events_kpi([2022])
    assert row.figure.computed == 0
    assert row.figure.differs
    assert (
        "Differs from the published figure" in client.get(reverse("events:kpis")).content.decode()
    )
