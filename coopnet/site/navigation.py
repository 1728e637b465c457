"""The site's one navigation: every public section, in the order a visitor meets them.

The site app is the top floor and may name every app's URLs. A section is current when the page's
path starts with one of its prefixes; the longest matching prefix wins, so `/funding/kpis/` marks
"Figures" rather than "Funding".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    label: str | Promise
    url_name: str
    prefixes: tuple[str, ...]


SECTIONS: tuple[Section, ...] = (
    Section(_("Members"), "members:directory", ("/members/", "/join/")),
    Section(_("Knowledge hub"), "knowledge:hub", ("/knowledge/",)),
    Section(_("Case studies"), "knowledge:case_studies", ("/knowledge/case-studies/",)),
    Section(_("News"), "knowledge:news", ("/knowledge/news/",)),
    Section(_("Publications"), "knowledge:publications", ("/knowledge/publications/",)),
    Section(_("Funding"), "funding:projects", ("/funding/",)),
    Section(_("Figures"), "funding:kpis", ("/funding/kpis/", "/events/figures/")),
    Section(_("Events"), "events:upcoming", ("/events/",)),
    Section(_("Governance"), "governance:bodies", ("/governance/",)),
    Section(_("Elections"), "elections:list", ("/elections/",)),
    Section(_("Networks"), "engagement:groups", ("/networks/",)),
    Section(_("Learning"), "learning:programmes", ("/learning/",)),
    Section(_("Procurement"), "procurement:arrangements", ("/procurement/",)),
    Section(_("Open data"), "open_data:index", ("/open-data/",)),
)


@dataclass(frozen=True)
class NavigationItem:
    label: str | Promise
    url: str
    current: bool
    exact: bool  # this very page (aria-current="page"), not only its section


def _without_language(path: str) -> str:
    # i18n_patterns are not used today; a /cy/ prefix would still mark the same section.
    return path[3:] if path.startswith("/cy/") else path


def addresses() -> tuple[str, ...]:
    """Each section's address, reversed once per URL configuration and script prefix."""
    return _addresses(get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())


@lru_cache(maxsize=16)
def _addresses(urlconf: str, script_prefix: str) -> tuple[str, ...]:
    return tuple(reverse(section.url_name, urlconf=urlconf) for section in SECTIONS)


def navigation_for(path: str) -> list[NavigationItem]:
    path = _without_language(path)
    best, best_length = None, 0
    for section in SECTIONS:
        for prefix in section.prefixes:
            if path.startswith(prefix) and len(prefix) > best_length:
                best, best_length = section, len(prefix)
    return [
        NavigationItem(section.label, url, section is best, url == path)
        for section, url in zip(SECTIONS, addresses(), strict=True)
    ]
