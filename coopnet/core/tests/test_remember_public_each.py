"""`remember_public_each`: a read asked for a different handful of values each time."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.utils import translation

from coopnet.core.caching import remember_public_each
from coopnet.core.versioning import bump_public_version

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _forget():
    caches["local"].clear()


class Names:
    """A stand-in read that records what it was asked for."""

    def __init__(self) -> None:
        self.asked: list[list[str]] = []
        self.known = {"a": "Aberdare", "b": "Bangor"}

    def __call__(self, values: list[str]) -> dict[str, str]:
        self.asked.append(values)
        language = translation.get_language()
        return {v: f"{self.known[v]} ({language})" for v in values if v in self.known}


def test_only_the_values_not_yet_remembered_are_read():
    names = Names()
    assert remember_public_each("names", ["a"], names) == {"a": "Aberdare (en-gb)"}
    assert remember_public_each("names", ["a", "b"], names) == {
        "a": "Aberdare (en-gb)",
        "b": "Bangor (en-gb)",
    }
    assert names.asked == [["a"], ["b"]]


def test_a_value_not_found_is_left_out_and_not_read_again():
    names = Names()
    assert remember_public_each("names", ["z", "a"], names) == {"a": "Aberdare (en-gb)"}
    assert remember_public_each("names", ["z"], names) == {}
    assert names.asked == [["z", "a"]]


def test_a_change_to_public_content_reads_them_again():
    names = Names()
    remember_public_each("names", ["a"], names)
    names.known["a"] = "Abertawe"
    bump_public_version()
    assert remember_public_each("names", ["a"], names) == {"a": "Abertawe (en-gb)"}


def test_each_language_is_remembered_apart():
    names = Names()
    remember_public_each("names", ["a"], names)
    with translation.override("cy"):
        assert remember_public_each("names", ["a"], names) == {"a": "Aberdare (cy)"}


def test_any_text_may_be_a_value():
    names = Names()
    odd = "a value with spaces, “quotes” and\ncontrol characters " + "x" * 300
    assert remember_public_each("names", [odd], names) == {}
    assert remember_public_each("names", [], names) == {}
