"""The demo's events: from the seeds, idempotent, and the figure they give for 2021/22."""

from __future__ import annotations

from datetime import date

import pytest

from coopnet.demo.loader import load_demo
from coopnet.events import selectors
from coopnet.events.models import Event, Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path):
    settings.BASE_DIR = tmp_path  # the demo password file goes here
    return load_demo()


def test_the_seed_events_are_loaded_without_attendees(demo):
    assert Event.objects.filter(counts_towards_events_figure=True).count() == 10
    agm = Event.objects.get(slug="annual-econference-and-agm-2021")
    assert agm.kind == Event.Kind.AGM
    assert agm.date_precision == Event.Precision.MONTH
    assert agm.starts_at.date() == date(2022, 2, 1)
    board = Event.objects.get(slug="values-and-principles-board-june-2022")
    assert board.is_in_person
    assert not board.counts_towards_events_figure
    joint = Event.objects.get(slug="joint-eoc-and-vp-board-meeting-january-2020")
    assert joint.venue == "Stevenage"
    officers = Event.objects.get(kind=Event.Kind.OFFICER_MEETING)
    assert officers.recurrence.startswith("FREQ=MONTHLY")
    assert not Registration.objects.exists()


def test_loading_twice_changes_nothing(demo):
    again = load_demo()
    assert again.created["events"] == 0
    assert again.updated["events"] == 0


def test_the_computed_figure_sits_beside_the_reported_one(demo):
    rows = {row.label: row for row in selectors.events_kpi([2021, 2022])}
    assert rows["2021/22"].computed == 10
    assert rows["2021/22"].reported is not None
    assert rows["2021/22"].reported.value == 10
    # The seeds do not list 2022/23's events: nothing is counted, the reported 12 stands beside.
    assert rows["2022/23"].computed == 0
    assert rows["2022/23"].reported is not None
    assert rows["2022/23"].reported.value == 12


def test_the_figures_page(client, demo):
    page = client.get("/events/figures/").content.decode()
    assert "2021/22" in page
    assert "2022/23" in page


def test_the_past_events_page_shows_the_seed_dates_honestly(client, demo):
    page = client.get("/events/past/?kind=agm").content.decode()
    assert "2021 Annual eConference and AGM" in page
    assert "February 2022" in page
