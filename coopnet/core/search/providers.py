"""The search facet labels core itself provides (principles).

Registered from CoreConfig.ready(). Each app registers its own kinds and facet labels from its
own `AppConfig.ready()` (members: organisation; knowledge: case_study, publication, news; funding:
project).
"""

from __future__ import annotations

from django.utils.translation import gettext

from .registry import register_facet_labels


def principle_labels(slugs: list[str]) -> dict[str, str]:
    from coopnet.core.models import Principle

    names = Principle.objects.filter(slug__in=slugs).values_list("slug", "name")
    return {slug: gettext(name) for slug, name in names}


def register_core() -> None:
    register_facet_labels("principle", principle_labels)
