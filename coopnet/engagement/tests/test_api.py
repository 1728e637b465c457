from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from .factories import member_of

pytestmark = pytest.mark.django_db


def test_groups_api_gives_public_metadata_never_the_chat_link(group, officer_a):
    member_of(group, officer_a)
    response = Client().get(reverse("api:group-list"))
    assert response.status_code == 200
    body = response.json()
    row = next(r for r in body["results"] if r["slug"] == group.slug)
    assert row["member_count"] == 1
    assert row["who_may_join"] == "People at Full, Associate members"
    assert "chat" not in response.content.decode().lower()
    detail = Client().get(reverse("api:group-detail", args=[group.slug]))
    assert detail.json()["name"] == group.name
