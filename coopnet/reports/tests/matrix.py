"""The reports' part of the permission matrix: every URL, every role."""

from __future__ import annotations

from typing import Any

from coopnet.core.tests.matrix import (
    DENY,
    LOGIN,
    OK,
    REDIRECT,
    Entry,
    admins_only,
    everyone,
    signed_in,
)

from .factories import ready_report


def _posting_admin() -> dict[str, object]:
    return {**signed_in(DENY), "network_admin": REDIRECT}


def _published(c: dict[str, Any]) -> dict[str, Any]:
    return {"pk": c["reports_published"].pk}


def _draft(c: dict[str, Any]) -> dict[str, Any]:
    return {"pk": c["reports_draft"].pk}


ENTRIES: dict[str, Entry] = {
    "reports:index": Entry(admins_only()),
    "reports:reviews": Entry(everyone(OK)),
    "reports:review": Entry(everyone(OK), lambda c: {"year": c["reports_published"].year}),
    "reports:year_text": Entry(admins_only(), lambda c: {"year": 2021}),
    "reports:generation": Entry(admins_only(), _draft),
    "reports:generation_pdf": Entry(everyone(OK), _published),
    "reports:regenerate": Entry(_posting_admin(), _draft, method="post"),
    "reports:publish": Entry(_posting_admin(), _draft, method="post"),
    "reports:compare": Entry(
        admins_only(),
        lambda c: {"pk": c["reports_draft"].pk, "other": c["reports_published"].pk},
    ),
}

assert LOGIN  # signed_in() sends anonymous visitors to sign in


def site_context(ctx: dict[str, Any]) -> dict[str, Any]:
    return {
        "reports_published": ready_report(year=2020, published=True),
        "reports_draft": ready_report(year=2020),
    }
