"""Run by bench/run.py against one benchmark database, in-process with Django.

Prints one JSON line: real organisation slugs to request, the dataset's size, and the SQL queries
each page costs on a warm request through Django's test client (CaptureQueriesContext).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# The page endpoints, in report order. "organisation" is filled with real slugs.
ENDPOINTS: list[tuple[str, list[str]]] = [
    ("home", ["/"]),
    ("directory", ["/members/"]),
    ("directory_filtered", ["/members/?category=full&nation=England"]),
    ("directory_search", ["/members/?q=council"]),
    ("organisation", []),
    ("stats_api", ["/api/v1/stats/membership/"]),
    # Events (issue 13): the upcoming list, an event page (filled with real slugs), the feed.
    ("events_list", ["/events/"]),
    ("event", []),
    ("events_feed", ["/events.ics"]),
]
FILLED = {
    "organisation": lambda slugs, events: [f"/members/{slug}/" for slug in slugs],
    "event": lambda slugs, events: [f"/events/{slug}/" for slug in events],
}
SLUG_KINDS = ("principal_council", "local_council", "political_group", "affiliate_organisation")


def endpoints_with(
    slugs: list[str], event_slugs: list[str] | None = None
) -> list[tuple[str, list[str]]]:
    return [(name, paths or FILLED[name](slugs, event_slugs or [])) for name, paths in ENDPOINTS]


def pick_event_slugs() -> list[str]:
    """A repeating and a single upcoming published event: the event pages to request."""
    from django.utils import timezone

    from coopnet.events.models import Event

    upcoming = Event.objects.published().upcoming(timezone.now()).order_by("pk")
    found = [
        upcoming.exclude(recurrence="").values_list("slug", flat=True).first(),
        upcoming.filter(recurrence="").values_list("slug", flat=True).first(),
    ]
    return [slug for slug in found if slug]


def pick_slugs() -> list[str]:
    """Per kind, the public current member with the most roles: the heaviest real pages."""
    from django.db.models import Count
    from django.utils import timezone

    from coopnet.core.periods import current_on_q
    from coopnet.members.models import Membership, Organisation

    holders = Membership.objects.filter(current_on_q(timezone.localdate())).values("organisation")
    current = Organisation.objects.filter(is_public=True, pk__in=holders)
    slugs = []
    for kind in SLUG_KINDS:
        slug = (
            current.filter(kind=kind)
            .annotate(n=Count("roles"))
            .order_by("-n", "pk")
            .values_list("slug", flat=True)
            .first()
        )
        if slug:
            slugs.append(slug)
    return slugs


def count_queries(paths: list[str]) -> dict[str, Any]:
    """Queries for a warm request to each path (the first request fills per-process caches)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(raise_request_exception=False)
    counts, statuses = [], []
    for path in paths:
        client.get(path)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        counts.append(len(captured.captured_queries))
        statuses.append(response.status_code)
    return {
        "per_path": dict(zip(paths, counts, strict=True)),
        "statuses": statuses,
        "max": max(counts, default=0),
    }


def dataset() -> dict[str, int]:
    from coopnet.events.models import Event
    from coopnet.members.models import Membership, Organisation, Person, Role

    return {
        "events": Event.objects.count(),
        "repeating_events": Event.objects.exclude(recurrence="").count(),
        "organisations": Organisation.objects.count(),
        "people": Person.objects.count(),
        "roles": Role.objects.count(),
        "memberships": Membership.objects.count(),
    }


def main() -> None:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    slugs = pick_slugs()
    event_slugs = pick_event_slugs()
    endpoints = endpoints_with(slugs, event_slugs)
    queries = {name: count_queries(paths) for name, paths in endpoints}
    print(
        json.dumps(
            {"slugs": slugs, "event_slugs": event_slugs, "dataset": dataset(), "queries": queries}
        )
    )


if __name__ == "__main__":
    main()
