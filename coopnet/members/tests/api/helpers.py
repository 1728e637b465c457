"""The API's URLs, the contact details it must never show, and helpers for the API tests."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

ORGANISATIONS = reverse("api:organisation-list")
MEMBERSHIPS = reverse("api:membership-list")
STATS = reverse("api:membership-stats")

ORG_EMAIL = "enquiries@oldham-council.example"
ORG_PHONE = "0161 770 3000"
LEADER_EMAIL = "leader.private@oldham-council.example"
LEADER_PHONE = "07700 900123"
SUPPORTER_EMAIL = "a.supporter@home.example"
SECRETS = (ORG_EMAIL, ORG_PHONE, LEADER_EMAIL, LEADER_PHONE, SUPPORTER_EMAIL)

WHO = ["anonymous", "supporter", "officer", "finance_officer", "network_admin"]


def detail(slug: str) -> str:
    return reverse("api:organisation-detail", kwargs={"slug": slug})


def sign_in(client: Any, request: Any, who: str) -> None:
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))


def slugs(response: Any) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


def errors_by_field(response: Any) -> dict[str | None, list[str]]:
    """The API's error shape (docs/api.md) read as {attr: [detail, ...]}."""
    body = response.json()
    assert body["type"] == "validation_error", body
    found: dict[str | None, list[str]] = {}
    for error in body["errors"]:
        assert set(error) == {"code", "detail", "attr"}, error
        found.setdefault(error["attr"], []).append(error["detail"])
    return found
