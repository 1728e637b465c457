"""The funding KPIs go through the coverage rule (coopnet.core.figures)."""

from __future__ import annotations

from datetime import date

import pytest

from coopnet.core.figures import set_coverage
from coopnet.core.models import ReportedFigure
from coopnet.funding import selectors

pytestmark = pytest.mark.django_db
JULY_2022 = date(2022, 7, 31)


def test_labs_are_not_counted_outside_coverage_and_flagged_inside():
    ReportedFigure.objects.create(key="policy-labs", as_of=JULY_2022, value=8, source="Strategy")
    (year,) = selectors.kpis([JULY_2022], date(2024, 9, 1))
    lab = year.by_scheme["lab"]
    assert lab.projects_figure.computed is None
    assert lab.projects_figure.value == 8
    assert lab.reported_projects.source == "Strategy"
    set_coverage("policy-labs", date(2021, 8, 1))
    (year,) = selectors.kpis([JULY_2022], date(2024, 9, 1))
    assert year.by_scheme["lab"].projects_figure.computed == 0
    assert year.by_scheme["lab"].projects_figure.differs
