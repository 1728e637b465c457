"""Each language's catalogues folded into as few lookups as give the same answers.

Django builds a language's translation from every installed app's catalogue: a list of catalogues
(one per app, since its merge keeps them apart) and a chain of fallbacks (the English catalogues
Django's own apps ship, then, for Welsh, the default language). A string with no translation, which
is every English string of the product, is looked for in each of them in turn: about 3 microseconds
a string, some 300 strings a signed-in page.

`fold_catalogues` rebuilds a translation so that the same lookups give the same answers from fewer
dictionaries: the fallbacks join the end of its list, in the order they were asked, and
neighbouring catalogues with the same plural rule become one (the earlier one winning, as before).
Nothing is translated differently; `coopnet.core.tests.test_translation` compares every message of
every language before and after. It runs once per process, for the languages the site offers, from
`CoreConfig.ready()`; a language built later (settings changed in a test) simply keeps Django's
layout.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils.translation import trans_real

Plural = Callable[[int], int]


# Django's and Python's translation objects are read through their private attributes
# (`_catalog`, `_fallback`, the catalogue's `_catalogs` and `_plurals`), hence `Any`; the test
# `coopnet.core.tests.test_translation` guards them against a change of Django or Python.


def _layers(translation: Any) -> list[tuple[dict[Any, str], Plural]]:
    """The catalogues a lookup reads, in the order it reads them, with each one's plural rule."""
    layers: list[tuple[dict[Any, str], Plural]] = []
    current: Any = translation
    while current is not None:
        catalogue: Any = getattr(current, "_catalog", None)
        if hasattr(catalogue, "_plurals"):  # a TranslationCatalog: one catalogue per app
            layers.extend(zip(catalogue._catalogs, catalogue._plurals, strict=True))
        elif isinstance(catalogue, dict):
            layers.append((catalogue, current.plural))
        current = current._fallback
    return layers


def _same_rule(a: Plural, b: Plural) -> bool:
    return a is b or getattr(a, "__code__", None) == getattr(b, "__code__", object())


def fold_catalogues(translation: Any) -> None:
    """Fold `translation`'s fallbacks and neighbouring catalogues into as few as answer the same."""
    if not isinstance(translation._catalog, trans_real.TranslationCatalog):
        return
    folded: list[tuple[dict[Any, str], Plural]] = []
    for catalogue, plural in _layers(translation):
        if folded and _same_rule(folded[-1][1], plural):
            earlier, rule = folded[-1]
            merged = dict(catalogue)  # never the original: Python's gettext shares its dicts
            merged.update(earlier)  # the catalogue read first keeps winning
            folded[-1] = (merged, rule)
        else:
            folded.append((dict(catalogue), plural))
    catalog: Any = trans_real.TranslationCatalog()
    catalog._catalogs = [catalogue for catalogue, _plural in folded]
    catalog._plurals = [plural for _catalogue, plural in folded]
    translation._catalog = catalog
    translation._fallback = None


def fold_site_languages() -> None:
    """Fold the catalogues of every language the site offers (once, when the apps are ready)."""
    if not settings.USE_I18N:
        return
    for code, _name in settings.LANGUAGES:
        fold_catalogues(trans_real.translation(code))
