"""The figure partial: what a reader sees for a computed, a published and an unknown figure."""

from datetime import date
from decimal import Decimal

from django.template import Context, Template
from django.utils import translation

from coopnet.core.figures import Figure, Reported

ON = date(2022, 7, 31)
REVIEW = "Review of the Year 2021/22"
STRATEGY = "Strategy 2024-2026"


def render(f, extra=""):
    return Template("{% load figures %}{% show_figure f " + extra + " %}").render(Context({"f": f}))


def test_computed_figure_agreeing_with_the_published_one_is_not_flagged():
    f = Figure("k", ON, True, Decimal(34), (Reported(Decimal(34), ON, REVIEW),))
    html = render(f)
    assert "34" in html
    assert "Differs" not in html
    assert REVIEW in html


def test_a_difference_is_flagged_with_both_sources():
    f = Figure(
        "k",
        ON,
        True,
        Decimal(6),
        (Reported(Decimal(22), ON, REVIEW), Reported(Decimal(21), ON, STRATEGY)),
    )
    html = render(f, "compact=True")
    assert "Differs from the published figure" in html
    assert REVIEW in html
    assert STRATEGY in html


def test_outside_coverage_the_published_figure_is_marked_with_its_source_never_zero():
    f = Figure("k", ON, False, None, (Reported(Decimal(300), ON, REVIEW, "over"),))
    html = render(f)
    assert "over 300" in html
    assert "Published figure" in html
    assert "Not recorded in coopnet." in html
    assert REVIEW in html
    assert ">0<" not in html


def test_nothing_known_says_not_recorded_in_welsh_too():
    f = Figure("council-budgets", ON, False, None, ())
    assert "Not recorded" in render(f)
    with translation.override("cy"):
        assert "Heb ei gofnodi" in render(f)


def test_money_and_big_formats():
    f = Figure("k", ON, True, Decimal(15_000_000_000), ())
    assert "£15,000,000,000" in render(f, 'format="money"')
    assert "15bn" in render(f, 'format="big"')
