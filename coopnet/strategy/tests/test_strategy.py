"""The strategy: measures computed beside published, never outside coverage; the dashboard's
charts and tables; staff edits with history; refusals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from coopnet.core.actors import System
from coopnet.core.figures import set_coverage
from coopnet.core.guard import Refused
from coopnet.core.models import RecordCoverage, ReportedFigure
from coopnet.members import services as members
from coopnet.members.tests.factories import CouncilFactory, category
from coopnet.strategy import selectors, services
from coopnet.strategy.models import ActivityUpdate, SupportingActivity
from coopnet.strategy.selectors import measure_chart_svg

from .factories import strategy

pytestmark = pytest.mark.django_db

TODAY = date(2024, 12, 1)
JULY = {y: date(y, 7, 31) for y in range(2020, 2027)}
STRATEGY = "Strategy 2024-2026"


def publish(key, on, value, source=STRATEGY, qualifier=""):
    ReportedFigure.objects.create(
        key=key, as_of=on, value=value, source=source, qualifier=qualifier
    )


@pytest.fixture
def full_members():
    """Two Full members from 1 August 2021; records complete from then."""
    for code in ("OLD", "KIR"):
        members.membership_start(
            holder=CouncilFactory.create(la_code=code),
            category=category("full"),
            start=date(2021, 8, 1),
            by=System("tests"),
        )
    set_coverage("members-full", date(2021, 8, 1))


def row(s, key):
    board = selectors.dashboard(s, TODAY)
    return next(r for b in board.objectives for r in b.measures if r.measure.key == key)


def test_a_measure_is_computed_only_where_covered_and_shown_beside_both_published_figures(
    full_members,
):
    s = strategy()
    publish("members-full", JULY[2021], 33, "Review of the Year 2021/22")
    publish("members-full", JULY[2024], 47)
    publish("members-full", JULY[2024], 46, f"{STRATEGY}, second table")
    r = row(s, "members-full")
    by_date = {f.as_of: f for f in r.figures}
    assert list(by_date) == [JULY[y] for y in range(2020, 2025)]
    july_2021 = by_date[JULY[2021]]
    assert not july_2021.covered
    assert july_2021.computed is None, "before the records begin: not a computed 0"
    assert july_2021.value == 33
    july_2024 = by_date[JULY[2024]]
    assert july_2024.computed == 2
    assert [x.value for x in july_2024.reported] == [47, 46]
    assert july_2024.differs


def test_a_measure_without_coverage_shows_only_what_was_published(full_members):
    s = strategy(3)
    publish("members-associate", JULY[2022], 22, "Review of the Year 2021/22")
    r = row(s, "members-associate")
    f = {f.as_of: f for f in r.figures}[JULY[2022]]
    assert f.computed is None
    assert f.from_reported
    assert f.sources == ["Review of the Year 2021/22"]


def test_the_dashboard_shows_charts_tables_and_flags(client, full_members):
    s = strategy()
    publish("members-full", JULY[2024], 47)
    publish("supporters", JULY[2022], 21)
    html = client.get(reverse("strategy:kpis", kwargs={"slug": s.slug})).content.decode()
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]
    assert html.count('<img class="coopnet-chart"') == 2
    assert "Chart of " in html  # each chart says in words what it shows (its alt text)
    assert "Differs from the published figure" in html
    assert "Not recorded in coopnet." in html
    assert "The same figures as a table" in html
    assert "Try online forums" in html
    assert "On track" in html


def test_the_chart_function_gives_the_same_svg_for_a_pdf(full_members):
    s = strategy()
    measure = s.objectives.get().measures.get(key="members-full")
    svg = measure_chart_svg(measure)
    assert svg.startswith("<svg")
    assert "<script" not in svg
    assert "<desc" in svg
    assert measure_chart_svg(measure) == svg, "the same data gives the same chart"


@pytest.mark.parametrize("measures", [2, 8])
def test_the_dashboard_costs_a_fixed_number_of_queries(
    client, full_members, django_assert_max_num_queries, measures
):
    s = strategy(measures)
    url = reverse("strategy:kpis", kwargs={"slug": s.slug})
    with django_assert_max_num_queries(40):
        assert client.get(url).status_code == 200


def test_staff_record_progress_and_set_coverage_with_history(client, django_user_model):
    s = strategy()
    admin = django_user_model.objects.create_superuser(email="a@example.org", password="x")
    activity = SupportingActivity.objects.get(objective__strategy=s)
    services.record_progress(
        activity, on=date(2024, 9, 1), progress="at_risk", note="Slipping", by=admin
    )
    activity.refresh_from_db()
    assert activity.progress == "at_risk"
    assert ActivityUpdate.objects.get().note == "Slipping"
    services.set_coverage(
        key="members-associate", complete_from=date(2022, 8, 1), note="", by=admin
    )
    services.set_coverage(
        key="members-associate", complete_from=None, note="Partly named", by=admin
    )
    row_ = RecordCoverage.objects.get(key="members-associate")
    assert row_.complete_from is None
    assert row_.history.count() == 2
    client.force_login(admin)
    page = client.get(reverse("strategy:coverage")).content.decode()
    assert "members-associate" in page
    response = client.post(
        reverse("strategy:coverage_edit", kwargs={"key": "council-budgets"}),
        {"complete_from": "2024-04-01", "note": "Loaded"},
    )
    assert response.status_code == 302
    assert RecordCoverage.objects.get(key="council-budgets").complete_from == date(2024, 4, 1)


def test_a_value_entered_by_staff_keeps_its_source_beside_another(client, django_user_model):
    s = strategy()
    measure = s.objectives.get().measures.get(key="members-full")
    publish("members-full", JULY[2024], 47)
    admin = django_user_model.objects.create_superuser(email="a@example.org", password="x")
    client.force_login(admin)
    response = client.post(
        reverse("strategy:measure_value", kwargs={"pk": measure.pk}),
        {"as_of": "2024-07-31", "value": "46", "source": "Second table", "qualifier": ""},
    )
    assert response.status_code == 302
    assert sorted(
        ReportedFigure.objects.filter(key="members-full").values_list("value", "source")
    ) == [(Decimal(46), "Second table"), (Decimal(47), STRATEGY)]


def test_no_one_but_staff_may_change_the_strategy(django_user_model):
    s = strategy()
    user = django_user_model.objects.create_user(email="u@example.org", password="x")
    activity = SupportingActivity.objects.get(objective__strategy=s)
    with pytest.raises(Refused):
        services.record_progress(
            activity, on=date(2024, 9, 1), progress="complete", note="", by=user
        )
    with pytest.raises(Refused):
        services.set_coverage(key="members-full", complete_from=None, note="", by=user)
    with pytest.raises(Refused):
        services.enter_value(
            key="members-full", as_of=JULY[2024], value=Decimal(1), source="Me", by=user
        )


def test_the_strategy_page_is_in_welsh_too(client):
    s = strategy()
    html = client.get(
        reverse("strategy:strategy", kwargs={"slug": s.slug}), HTTP_ACCEPT_LANGUAGE="cy"
    ).content.decode()
    assert "Gweithgareddau ategol" in html


def test_staff_change_an_objectives_lead_and_a_measures_target_with_history(
    client, django_user_model
):
    s = strategy()
    objective = s.objectives.get()
    measure = objective.measures.get(key="members-full")
    admin = django_user_model.objects.create_superuser(email="a@example.org", password="x")
    client.force_login(admin)
    url = reverse("strategy:objective_edit", kwargs={"pk": objective.pk})
    response = client.post(url, {"title": objective.title, "lead_name": "Cllr A N Other"})
    assert response.status_code == 302
    objective.refresh_from_db()
    assert objective.lead_name == "Cllr A N Other"
    assert (
        "Cllr A N Other"
        in client.get(reverse("strategy:strategy", kwargs={"slug": s.slug})).content.decode()
    )
    url = reverse("strategy:measure_edit", kwargs={"pk": measure.pk})
    bad = client.post(url, {"name": measure.name, "unit": "number", "target_kind": "number"})
    assert bad.status_code == 200, "a number target needs its value"
    ok = client.post(
        url,
        {"name": measure.name, "unit": "number", "target_kind": "number", "target_value": "50"},
    )
    assert ok.status_code == 302
    measure.refresh_from_db()
    assert measure.target_value == 50
    assert measure.history.count() == 2
    assert "50" in client.get(reverse("strategy:kpis", kwargs={"slug": s.slug})).content.decode()
