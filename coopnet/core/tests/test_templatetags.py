from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.paginator import Paginator
from django.template import Context, Template
from django.test import RequestFactory

from coopnet.core.templatetags.coopnet import big_number, page_window


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (9_123_456, "9.1m"),
        (15_000_000_000, "15bn"),
        (Decimal("15400000000"), "15.4bn"),
        (4321, "4,321"),
        (None, "—"),
    ],
)
def test_big_numbers_read_like_the_networks_headline(value, shown):
    assert big_number(value) == shown


def test_page_window_shows_first_last_and_neighbours_with_gaps():
    page = Paginator(range(250), 10).page(12)
    assert page_window(page) == [1, None, 10, 11, 12, 13, 14, None, 25]
    assert page_window(Paginator(range(30), 10).page(1)) == [1, 2, 3]


def test_query_with_keeps_filters_and_replaces_the_page():
    request = RequestFactory().get("/members/", {"category": "full", "page": "3"})
    html = Template("{% load coopnet %}{% query_with page=4 %}").render(
        Context({"request": request})
    )
    assert html == "category=full&amp;page=4"
