"""The demo data: the publications the seeds name, their councils, the actions, the counts."""

from __future__ import annotations

from datetime import date

import pytest

from coopnet.core.models import ReportedFigure
from coopnet.demo.loader import load_demo
from coopnet.knowledge.models import Action, CaseStudy, Publication, Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    return load_demo(), load_demo()


def test_loading_twice_changes_nothing(loaded):
    first, second = loaded
    # The funding demo may create the reports first, as project outputs; this one completes them.
    assert first.created["publications"] + first.updated["publications"] == 9
    assert Publication.objects.count() == 9
    assert not second.created
    assert not second.updated
    check_reports()
    check_packs_and_counts()
    check_actions()


def check_reports() -> None:
    care = Publication.objects.get(slug="cooperative-difference-in-care")
    assert care.kind == Publication.Kind.POLICY_LAB_REPORT
    assert care.published_on == date(2022, 2, 28)
    assert care.organisations.count() == 11
    assert {"billingham-town-council", "burntwood-town-council"} <= set(
        care.organisations.values_list("slug", flat=True)
    )
    digital = Publication.objects.get(slug="understanding-the-digital-divide")
    assert digital.organisations.count() == 7
    net_zero = Publication.objects.get(slug="cooperative-approaches-to-reaching-net-zero")
    names = set(net_zero.organisations.values_list("name", flat=True))
    assert "Greater Manchester Combined Authority" in names
    assert len(names) == 8
    assert list(net_zero.themes.values_list("slug", flat=True)) == ["net-zero"]
    unleashed = Publication.objects.get(slug="co-operatives-unleashed-as-seen-from-the-grassroots")
    assert list(unleashed.organisations.values_list("name", flat=True)) == ["Plymouth City Council"]


def check_packs_and_counts() -> None:
    packs = Publication.objects.filter(kind=Publication.Kind.CASE_STUDIES_PACK)
    assert set(packs.values_list("slug", flat=True)) == {
        "winter-2019-case-studies-pack",
        "winter-2020-case-studies-pack",
        "building-resilient-neighbourhoods",
    }
    assert not CaseStudy.objects.exists()
    assert ReportedFigure.objects.get(key="case-studies", as_of=date(2024, 7, 31)).value == 535
    assert ReportedFigure.objects.get(key="case-studies-in-pack").value == 62


def check_actions() -> None:
    assert Theme.objects.filter(is_council_theme=True).count() == 2
    assert Action.objects.filter(theme__slug="community-wealth-building").count() == 8
    assert Action.objects.filter(theme__slug="co-operative-placemaking").count() == 7
