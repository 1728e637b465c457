"""Procurement in the API: public arrangements and suppliers as at a date; private lists refused
to anyone they are not for; nothing written; the tender's content never shown."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from coopnet.procurement import services
from coopnet.procurement.models import Notice

from .conftest import manager_of
from .factories import NO_GROUNDS, AdmissionFactory, CategoryFactory, answers_for, bulk_admit

pytestmark = pytest.mark.django_db

BASE = "/api/v1/procurement/arrangements/"


def _apply(category, supplier, user, days_ago=0):
    return services.application_submit(
        arrangement=category.arrangement,
        organisation=supplier,
        categories=[category],
        answers=answers_for(category),
        declarations=NO_GROUNDS,
        by=user,
        on=timezone.localdate() - timedelta(days=days_ago),
    )


def test_anyone_reads_the_arrangements_with_rules_categories_and_notices(client, category):
    arrangement = category.arrangement
    Notice.objects.create(
        arrangement=arrangement,
        title="Contract notice",
        reference="2020/S 064-151234",
        published_on=date(2020, 3, 27),
    )
    data = client.get(BASE).json()
    assert data["count"] == 1
    row = data["results"][0]
    assert row["slug"] == arrangement.slug
    assert row["regime"] == "pcr2015_dps"
    assert row["rules"]["decision_working_days"] == 10
    assert row["rules"]["extended_decision_working_days"] == 15
    assert [c["slug"] for c in row["categories"]] == [category.slug]
    assert row["notices"] == [
        {
            "title": "Contract notice",
            "reference": "2020/S 064-151234",
            "published_on": "2020-03-27",
            "url": "",
        }
    ]
    detail = client.get(f"{BASE}{arrangement.slug}/").json()
    assert detail["name"] == arrangement.name
    assert client.get(f"{BASE}no-such-thing/").status_code == 404


def test_the_suppliers_as_at_a_date(client, category):
    arrangement = category.arrangement
    early = AdmissionFactory(category=category, start=date(2020, 4, 1), end=date(2021, 3, 31))
    later = AdmissionFactory(category=category, start=date(2022, 7, 31), start_is_approximate=True)
    on_2022 = client.get(f"{BASE}{arrangement.slug}/suppliers/", {"on": "2022-07-31"}).json()
    assert [r["name"] for r in on_2022["results"]] == [later.organisation.name]
    admitted = on_2022["results"][0]["categories"][0]
    assert admitted["category"] == category.slug
    assert admitted["admitted_from"] == "2022-07-31"
    assert admitted["admitted_from_is_approximate"] is True
    on_2020 = client.get(f"{BASE}{arrangement.slug}/suppliers/", {"on": "2020-06-01"}).json()
    assert [r["name"] for r in on_2020["results"]] == [early.organisation.name]


def test_a_bad_date_is_refused_with_the_reason(client, category):
    response = client.get(f"{BASE}{category.arrangement.slug}/suppliers/", {"on": "31/07/2022"})
    assert response.status_code == 400
    assert "Enter a real date in the form YYYY-MM-DD" in response.content.decode()
    missing = client.get(f"{BASE}no-such-thing/suppliers/")
    assert missing.status_code == 404


@pytest.mark.parametrize("count", [3, 30, 2000])
def test_the_supplier_list_costs_the_same_queries_at_3_30_and_2000(
    client, django_assert_num_queries, count
):
    category = CategoryFactory()
    other = CategoryFactory(arrangement=category.arrangement)
    for _n in range(min(count, 30)):
        admission = AdmissionFactory(category=category)
        AdmissionFactory(category=other, organisation=admission.organisation)
    bulk_admit(category, count - min(count, 30))
    with django_assert_num_queries(4):  # arrangement, count, page, admissions
        response = client.get(f"{BASE}{category.arrangement.slug}/suppliers/")
    data = response.json()
    assert data["count"] == count
    assert len(data["results"]) == min(count, 50)
    assert all(len(r["categories"]) >= 1 for r in data["results"])


@pytest.mark.parametrize(
    "path",
    [
        BASE,
        f"{BASE}x/",
        "/api/v1/procurement/evaluation-queue/",
        "/api/v1/my/supplier-applications/",
        "/api/v1/my/call-offs/",
    ],
)
def test_nobody_writes_through_the_api(client, network_admin, path):
    client.force_login(network_admin)
    assert client.post(path, {}).status_code == 405
    assert client.delete(path).status_code == 405


def test_only_staff_see_the_evaluation_queue_with_its_clocks(
    client, category, supplier, supplier_user, officer_a, network_admin
):
    application = _apply(category, supplier, supplier_user, days_ago=30)
    url = "/api/v1/procurement/evaluation-queue/"
    assert client.get(url).status_code == 403
    for user in (officer_a, supplier_user):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 403
        assert "Only the network's staff may see the evaluation queue." in response.content.decode()
    client.force_login(network_admin)
    rows = client.get(url).json()["results"]
    assert [r["id"] for r in rows] == [application.pk]
    assert rows[0]["is_overdue"] is True
    assert rows[0]["decisions"][0]["outcome"] == "pending"


def test_a_supplier_sees_only_its_own_applications_and_the_reasons(
    client, category, supplier, supplier_user, network_admin
):
    application = _apply(category, supplier, supplier_user)
    services.application_decide(
        decision=application.decisions.get(), admit=False, reasons="No evidence.", by=network_admin
    )
    other = AdmissionFactory(category=CategoryFactory()).organisation
    other_user = manager_of(other)
    _apply(CategoryFactory(), other, other_user)
    url = "/api/v1/my/supplier-applications/"
    assert client.get(url).status_code == 403
    client.force_login(supplier_user)
    rows = client.get(url).json()["results"]
    assert [r["id"] for r in rows] == [application.pk]
    assert rows[0]["decisions"][0]["outcome"] == "rejected"
    assert rows[0]["decisions"][0]["reasons"] == "No evidence."


def test_call_offs_for_their_buyer_and_invited_suppliers_only_and_never_a_tender(
    client, category, admitted, org_a, officer_a, officer_b
):
    call_off = services.calloff_create(
        arrangement=category.arrangement,
        category=category,
        buyer=org_a,
        title="Review",
        requirement="r",
        budget=Decimal("5000"),
        criteria=[("Quality", 100)],
        tender_deadline=timezone.now() + timedelta(days=20),
        by=officer_a,
    )
    services.calloff_issue(call_off=call_off, by=officer_a)
    supplier, supplier_user = admitted[0]
    services.tender_submit(
        call_off=call_off,
        supplier=supplier,
        response="Our sealed plan",
        price=Decimal("4000"),
        by=supplier_user,
    )
    url = "/api/v1/my/call-offs/"
    assert client.get(url).status_code == 403
    for user in (officer_a, supplier_user):
        client.force_login(user)
        response = client.get(url)
        assert [r["id"] for r in response.json()["results"]] == [call_off.pk]
        assert "Our sealed plan" not in response.content.decode()
        assert "4000" not in response.content.decode()
    client.force_login(officer_b)
    assert client.get(url).json()["results"] == []
