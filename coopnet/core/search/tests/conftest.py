"""A small library of entries, written through the index, for the engine-agnostic tests."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType

from coopnet.core.models import Principle
from coopnet.core.search.index import write_entry
from coopnet.core.search.registry import SearchDocument

# name -> (kind, title, summary, body, date, facets)
LIBRARY = {
    "energy": (
        "case_study",
        "Community energy co-operative",
        "Residents own the solar panels on their school roofs.",
        "The council helped residents form a community energy co-operative. Solar panels on "
        "three schools now cut bills, and the surplus funds a warm homes grant.",
        date(2023, 5, 1),
        {
            "principle": ["co-production", "social-partnership"],
            "theme": ["net-zero"],
            "member": ["old"],
        },
    ),
    "care": (
        "case_study",
        "Care co-operatives in the valleys",
        "",
        "Home care workers own the business. Caring for older residents, the co-operative "
        "keeps wages local. Partnership with the health board. See www.valleycare.coop or "
        "write to info@valleycare.coop; the rota is at /rota/2023.",
        date(2022, 9, 1),
        {"principle": ["enterprise-and-social-economy"], "theme": ["care"], "member": ["kir"]},
    ),
    "food": (
        "case_study",
        "Food partnership and community wealth building",
        "",
        "A food partnership buys from local growers; the council's procurement spends locally. "
        "The café in the market hall is run by volunteers.",
        date(2023, 11, 1),
        {
            "principle": ["social-partnership"],
            "theme": ["food", "community-wealth-building"],
            "member": ["old", "kir"],
        },
    ),
    "digital": (
        "publication",
        "Understanding the digital divide",
        "A Policy Lab report on digital inclusion.",
        "Councils lend devices and train digital champions so residents can get online.",
        date(2023, 3, 1),
        {"principle": ["innovation"], "theme": ["digital-inclusion"], "member": ["old"]},
    ),
    "netzero": (
        "publication",
        "Co-operative approaches to reaching net zero",
        "",
        "Energy, transport and housing: how councils and communities share the work of "
        "reaching net zero. Community energy appears in several chapters.",
        date(2022, 1, 1),
        {"principle": ["co-production"], "theme": ["net-zero"], "member": ["kir"]},
    ),
    "hostile": (
        "news",
        "Injected <script>alert(1)</script> headline",
        "",
        "Body with <b>markup</b> & ampersands that must be escaped when shown, NEAR the end.",
        date(2021, 6, 1),
        {},
    ),
}


@pytest.fixture
def library(db) -> dict[str, int]:
    """The LIBRARY written to the index; name -> entry id."""
    content_type = ContentType.objects.get_for_model(Principle)
    ids = {}
    for number, (name, (kind, title, summary, body, day, facets)) in enumerate(
        LIBRARY.items(), start=1
    ):
        document = SearchDocument(
            title=title,
            summary=summary,
            body=body,
            url=f"/library/{name}/",
            date=day,
            facets=facets,
        )
        entry = write_entry(
            kind=kind, content_type=content_type, object_id=number, document=document
        )
        ids[name] = entry.pk
    return ids
