"""Welsh pages show Welsh: dates ("31 Gorffennaf"), region and body names; no English month."""

from __future__ import annotations

import html
import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coopnet.governance.elections.models import Election
from coopnet.governance.elections.tests.helpers import make_election, make_seat
from coopnet.governance.tests.factories import BodyFactory
from coopnet.members.tests.factories import CouncilFactory, MembershipFactory, category

pytestmark = pytest.mark.django_db

ENGLISH_MONTHS = re.compile(
    r"\b(January|February|March|April|June|July|August|September|October|November|December)\b"
)


def text_of(content: bytes) -> str:
    body = content.decode().split("<main", 1)[-1]
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)))


@pytest.fixture
def welsh_pages(client, network_admin):
    kirklees = CouncilFactory(la_code="KIR")
    MembershipFactory(organisation=kirklees, category=category("full"), start=date(2020, 7, 31))
    body = BodyFactory.create(
        slug="vp-board", name="Values and Principles Board", short_name="V&P Board"
    )
    term_start = timezone.localdate() + timedelta(days=30)
    election = make_election(
        network_admin, [make_seat(body)], title="V&P Board elections", term_start=term_start
    )
    # announced: the public list shows it
    Election.objects.filter(pk=election.pk).update(state=Election.State.NOMINATIONS)
    client.cookies["django_language"] = "cy"
    return {
        "directory": reverse("members:directory"),
        "organisation": kirklees.get_absolute_url(),
        "elections": reverse("elections:list"),
        "home": "/",
    }


def test_welsh_pages_have_no_english_month_names(client, welsh_pages):
    for name, url in welsh_pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert response["Content-Language"] == "cy", name
        found = ENGLISH_MONTHS.findall(text_of(response.content))
        assert found == [], (name, found)


def test_welsh_pages_write_dates_regions_and_bodies_in_welsh(client, welsh_pages):
    organisation = text_of(client.get(welsh_pages["organisation"]).content)
    assert "31 Gorffennaf 2020" in organisation
    assert "Swydd Efrog a'r Humber" in organisation
    elections = text_of(client.get(welsh_pages["elections"]).content)
    assert "Bwrdd Gwerthoedd ac Egwyddorion" in elections
    assert "Values and Principles Board" not in elections
