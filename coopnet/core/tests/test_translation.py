"""Folding a language's catalogues (coopnet.core.translation) changes no translation."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.utils.translation import trans_real

from coopnet.core.translation import _layers, fold_catalogues


def _messages(translation: trans_real.DjangoTranslation) -> tuple[set[str], set[str]]:
    singular: set[str] = set()
    plural: set[str] = set()
    for catalogue, _rule in _layers(translation):
        for key in catalogue:
            (plural.add(key[0]) if isinstance(key, tuple) else singular.add(key))
    return singular, plural


def _answers(translation: Any, singular: set[str], plural: set[str]) -> dict[Any, str]:
    answers: dict[Any, str] = {m: translation.gettext(m) for m in singular}
    unknown = "never a message of the product"
    answers[unknown] = translation.gettext(unknown)
    for message in plural:
        for n in (0, 1, 2, 3, 5, 6, 11, 21, 100, 101):
            answers[(message, n)] = translation.ngettext(message, message + " (plural)", n)
    return answers


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_folding_a_languages_catalogues_changes_no_translation(code):
    trans_real._translations = {}  # Django's layout, freshly built (folded when the apps loaded)
    try:
        django_layout = trans_real.translation(code)
        layers = len(_layers(django_layout))
        singular, plural = _messages(django_layout)
        before = _answers(django_layout, singular, plural)

        fold_catalogues(django_layout)

        assert len(_layers(django_layout)) < layers
        assert django_layout._fallback is None
        assert _answers(django_layout, singular, plural) == before
    finally:
        trans_real._translations = {}


def test_the_site_languages_are_folded_when_the_apps_load():
    from coopnet.core.translation import fold_site_languages

    trans_real._translations = {}
    try:
        fold_site_languages()
        for code, _name in settings.LANGUAGES:
            translation = trans_real.translation(code)
            assert translation._fallback is None
            assert len(_layers(translation)) <= 4
        assert trans_real.translation("cy").gettext("Members") != "Members"
    finally:
        trans_real._translations = {}
