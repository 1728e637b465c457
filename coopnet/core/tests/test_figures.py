"""The coverage rule: a figure for a date the records do not cover is never a computed number."""

from datetime import date
from decimal import Decimal

import pytest

from coopnet.core.figures import figure, figures, set_coverage
from coopnet.core.models import ReportedFigure

pytestmark = pytest.mark.django_db

JULY_2021 = date(2021, 7, 31)
JULY_2022 = date(2022, 7, 31)


def publish(key: str, on: date, value: int, source: str, qualifier: str = "") -> None:
    ReportedFigure.objects.create(
        key=key, as_of=on, value=Decimal(value), source=source, qualifier=qualifier
    )


def test_before_coverage_the_published_figure_is_shown_not_a_computed_zero():
    set_coverage("members-test", date(2021, 8, 1))
    publish("members-test", JULY_2021, 33, "Review of the Year 2021/22")
    calls = []
    f = figure("members-test", JULY_2021, lambda: calls.append(1) or 0)
    assert not f.covered
    assert not f.recorded
    assert f.computed is None
    assert f.value == Decimal(33)
    assert f.from_reported
    assert f.sources == ["Review of the Year 2021/22"]
    assert calls == [], "nothing is computed for a date the records do not cover"


def test_without_any_coverage_date_and_no_published_figure_nothing_is_said():
    f = figure("council-budgets-test", JULY_2022, lambda: 0)
    assert not f.covered
    assert f.value is None
    assert not f.from_reported


def test_a_covered_date_shows_the_computed_value_and_flags_a_difference():
    set_coverage("members-test", date(2021, 8, 1))
    publish("members-test", JULY_2022, 22, "Review of the Year 2021/22")
    f = figure("members-test", JULY_2022, lambda: 6)
    assert f.recorded
    assert f.value == Decimal(6)
    assert f.differs
    same = figure("members-test", JULY_2022, lambda: 22)
    assert not same.differs


def test_a_qualified_figure_is_not_a_disagreement():
    set_coverage("case-studies-test", date(2021, 8, 1))
    publish("case-studies-test", JULY_2022, 420, "Strategy", qualifier="over")
    assert not figure("case-studies-test", JULY_2022, lambda: 431).differs


def test_two_sources_for_one_date_are_both_kept_and_their_disagreement_flagged():
    publish("members-test", JULY_2022, 47, "Strategy, first table")
    publish("members-test", JULY_2022, 46, "Strategy, second table")
    f = figure("members-test", JULY_2022, lambda: 0)
    assert [r.value for r in f.reported] == [Decimal(47), Decimal(46)]
    assert f.differs
    assert f.value == Decimal(47)


def test_many_figures_cost_two_queries(django_assert_num_queries):
    for i in range(5):
        set_coverage(f"k{i}", date(2021, 8, 1))
        publish(f"k{i}", JULY_2022, i, "source")
    with django_assert_num_queries(2):
        result = figures({f"k{i}": (lambda i=i: i) for i in range(5)}, JULY_2022)
    assert [result[f"k{i}"].value for i in range(5)] == [Decimal(i) for i in range(5)]
