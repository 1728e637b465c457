"""The demo elections: the 2020 and 2022 elections as past elections, with only what the seeds
report (who held the elected seats after 2020; no vote counts; no 2022 result)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from coopnet.demo.loader import LoadSummary, load_memberships, load_organisations, load_people
from coopnet.governance import demo as governance_demo
from coopnet.governance.elections import demo
from coopnet.governance.elections.models import (
    Ballot,
    Contest,
    CountStage,
    Election,
    ElectionEvent,
    Elector,
    Nomination,
)

pytestmark = pytest.mark.django_db


def load_all() -> LoadSummary:
    summary = LoadSummary()
    organisations = load_organisations(summary)
    people = load_people(organisations, summary)
    load_memberships(organisations, people, summary)
    governance_demo.load(summary)
    demo.load(summary)
    return summary


def snapshot() -> dict:
    return {
        "elections": (sorted(Election.objects.values_list()), Election.history.count()),
        "contests": sorted(Contest.objects.values_list()),
        "nominations": (sorted(Nomination.objects.values_list()), Nomination.history.count()),
        "events": ElectionEvent.objects.count(),
    }


def test_loading_twice_changes_nothing():
    first = load_all()
    assert first.created["elections"] == 4
    assert set(ElectionEvent.objects.values_list("action", "by")) == {("loaded", None)}
    before = snapshot()
    second = load_all()
    assert not second.created
    assert not second.updated
    assert snapshot() == before


def elected(slug: str) -> dict[str, set[str]]:
    result: dict[str, set[str]] = {}
    for n in Nomination.objects.filter(
        contest__election__slug=slug, outcome="elected"
    ).select_related("person", "contest__seat"):
        result.setdefault(n.contest.seat.constituency, set()).add(n.person.full_name)
    return result


def test_the_2020_elections_record_who_held_the_elected_seats():
    load_all()
    eoc = elected("eoc-elections-2020")
    assert eoc["associate"] == {"Clare Gamble"}
    assert eoc["affiliate"] == {"Jonathan Bland"}
    assert {"Sharon Taylor", "Peter Bradbury", "Shabir Pandor"} <= eoc["full"]
    vp = elected("vp-board-elections-2020")
    assert "Joyce McCarty" not in vp.get("full", set())  # stood down in June 2022
    assert {"Sue Woodward", "Donna Fuller"} <= vp["associate"]
    assert {"Gus Della Porta", "Rachael Walker"} <= vp["affiliate"]


def test_no_vote_counts_and_no_2022_result_are_invented():
    load_all()
    assert not CountStage.objects.exists()
    assert not Ballot.objects.exists()
    assert not Elector.objects.exists()
    assert set(Contest.objects.values_list("valid_ballots", "quota").distinct()) == {(None, None)}
    assert not Nomination.objects.filter(contest__election__slug__endswith="2022").exists()
    for election in Election.objects.all():
        assert election.reported_only
        assert election.state == Election.State.PUBLISHED
        assert election.term_start is None
        assert election.voting_open is None


def test_past_elections_show_on_the_site_and_in_the_api():
    load_all()
    page = Client().get(reverse("elections:detail", args=["eoc-elections-2020"])).content.decode()
    assert "Clare Gamble" in page
    assert "held at the end of 2020" in page
    later = Client().get(reverse("elections:detail", args=["eoc-elections-2022"])).content.decode()
    assert "does not say who was elected" in later
    api = Client().get(reverse("api:election-list")).json()
    assert {e["slug"] for e in api["results"]} >= {"eoc-elections-2020", "vp-board-elections-2022"}
