"""The demo's funded projects: from the seeds, idempotent, and the figures the issue names."""

from __future__ import annotations

from datetime import date

import pytest

from coopnet.demo.loader import load_demo
from coopnet.funding import selectors
from coopnet.funding.models import Project, Round

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path):
    settings.BASE_DIR = tmp_path  # the demo password file goes here
    return load_demo()


def test_the_rounds_and_projects_come_from_the_seeds(demo):
    r2020 = Round.objects.get(year=2020)
    assert r2020.projects.filter(scheme__kind="prototype").count() == 13
    assert r2020.projects.filter(scheme__kind="lab").count() == 5
    statuses = dict(r2020.projects.filter(scheme__kind="lab").values_list("title", "status"))
    assert (
        statuses["Promoting the Cities of Service model of social action to CCIN members"]
        == "partially_completed"
    )
    r2022 = Round.objects.get(year=2022)
    assert r2022.projects.filter(scheme__kind="lab").count() == 4
    assert r2022.projects.filter(scheme__kind="prototype").count() == 1
    mondragon = r2022.projects.get(title__startswith="Study Visit to Mondragon")
    assert mondragon.led_by_network
    assert mondragon.lead is None
    assert r2022.pot_total == 75000


def test_only_the_amounts_the_seeds_give_are_loaded(demo):
    """£1,500 for each of the 13 funded 2020 Policy Prototypes, with its source; nothing else."""
    with_amount = Project.objects.filter(amount__isnull=False)
    assert with_amount.count() == 13
    assert set(with_amount.values_list("amount", flat=True)) == {1500}
    assert set(with_amount.values_list("round__year", "scheme__kind")) == {(2020, "prototype")}
    assert all("£1,500" in p.source for p in with_amount)
    assert set(with_amount.values_list("awarded_on", flat=True)) == {date(2020, 1, 31)}


def test_the_360giving_package_of_the_demo_is_not_empty_and_validates(demo, client):
    from coopnet.funding.tests.test_open_data import validator

    data = client.get("/open-data/360giving.json").json()
    assert len(data["grants"]) == 13
    assert {g["amountAwarded"] for g in data["grants"]} == {1500}
    errors = sorted(validator().iter_errors(data), key=str)
    assert not errors, [e.message for e in errors]


def test_the_three_reports_launched_in_february_2022(demo):
    launched = Project.objects.filter(report_launched_on=date(2022, 2, 1))
    assert launched.count() == 3
    care = launched.get(title="Cooperative Difference in Care")
    assert care.participants.count() == 11
    assert care.outputs.get().slug == "cooperative-difference-in-care"
    assert launched.get(title="Understanding the Digital Divide").participants.count() == 7
    assert (
        launched.get(title="Cooperative Approaches to Reaching Net Zero").participants.count() == 8
    )


def test_loading_twice_changes_nothing(demo, settings):
    counts = (Project.objects.count(), Round.objects.count())
    history = Project.history.count()
    second = load_demo()
    assert not second.created
    assert not any(k.startswith(("funded", "funding")) for k in second.updated)
    assert (Project.objects.count(), Round.objects.count()) == counts
    assert Project.history.count() == history


def test_kpis_computed_beside_the_published_figures(demo):
    today = date(2024, 9, 1)
    years = {y.year_end.year: y for y in selectors.kpis(selectors.kpi_years(today), today)}
    y2022 = years[2022].by_scheme["lab"]
    # Labs counted in 2021/22: the three reports launched in February 2022 and the four
    # approved in the 2022 round.
    assert y2022.projects == 7
    assert y2022.reported_projects.value == 8
    assert y2022.reported_councils.value == 25
    assert y2022.reported_percent.value == 74
    # Councils named in those seven: the three reports' lists and the 2022 leads.
    assert y2022.councils == 19
    assert years[2022].by_scheme["prototype"].projects == 1
    assert years[2023].by_scheme["lab"].reported_percent.value == 58
    assert years[2024].by_scheme["lab"].reported_councils.value == 25
    assert y2022.percent is not None
