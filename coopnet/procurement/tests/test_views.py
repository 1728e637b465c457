"""Pages: the public supplier list as at a date, applying, the staff queue, call-off pages."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from coopnet.procurement import services
from coopnet.procurement.models import Admission, CallOff, SupplierApplication

from .factories import NO_GROUNDS, AdmissionFactory, CategoryFactory, answers_for, bulk_admit

pytestmark = pytest.mark.django_db


def test_the_public_list_shows_the_suppliers_admitted_on_the_date_asked(client, category):
    arrangement = category.arrangement
    early = AdmissionFactory(category=category, start=date(2020, 4, 1), end=date(2021, 3, 31))
    approximate = AdmissionFactory(
        category=category, start=date(2022, 7, 31), start_is_approximate=True
    )
    url = reverse("procurement:suppliers", kwargs={"slug": arrangement.slug})
    on_2022 = client.get(url, {"on": "2022-07-31"}).content.decode()
    assert approximate.organisation.name in on_2022
    assert "by 31 July 2022" in on_2022
    assert early.organisation.name not in on_2022
    on_2020 = client.get(url, {"on": "2020-06-01"}).content.decode()
    assert early.organisation.name in on_2020
    assert approximate.organisation.name not in on_2020


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
    url = reverse("procurement:suppliers", kwargs={"slug": category.arrangement.slug})
    # The arrangement, the count of suppliers, a page of their names, their admissions, and the
    # two every page reads.
    with django_assert_num_queries(6):
        response = client.get(url, {"on": "2022-07-31"})
    page = response.content.decode()
    # A hundred suppliers a page (and the heading row); the count is of them all.
    assert page.count('<tr class="govuk-table__row">') == min(count, 100) + 1
    assert f"{count} suppliers." in page
    if count > 100:
        last = client.get(url, {"on": "2022-07-31", "page": count // 100}).content.decode()
        assert last.count('<tr class="govuk-table__row">') == 101
        # The link to the next page keeps the date.
        assert "page=2" in page
        assert "on=2022-07-31" in page


def test_a_supplier_applies_through_the_form(client, category, supplier, supplier_user):
    client.force_login(supplier_user)
    url = reverse("procurement:apply", kwargs={"slug": category.arrangement.slug})
    assert client.get(url).status_code == 200
    data = {
        "organisation": supplier.pk,
        "companies_house_number": "SC123456",
        "categories": [category.pk],
        **{f"ground_{k}": "no" for k in NO_GROUNDS},
        **{f"q_{category.pk}_{k}": v for k, v in answers_for(category)[category.pk].items()},
    }
    response = client.post(url, data)
    application = SupplierApplication.objects.get()
    assert response.status_code == 302
    assert response["Location"] == application.get_absolute_url()
    assert application.companies_house_number == "SC123456"


def test_a_bad_companies_house_number_is_shown_on_the_form(
    client, category, supplier, supplier_user
):
    client.force_login(supplier_user)
    url = reverse("procurement:apply", kwargs={"slug": category.arrangement.slug})
    data = {
        "organisation": supplier.pk,
        "companies_house_number": "12345",
        "categories": [category.pk],
        **{f"ground_{k}": "no" for k in NO_GROUNDS},
        **{f"q_{category.pk}_{k}": "x" for k in ("experience", "insurance")},
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Enter a Companies House number of 8 characters" in response.content.decode()
    assert not SupplierApplication.objects.exists()


def test_the_staff_queue_flags_overdue_applications(
    client, category, supplier, supplier_user, network_admin
):
    services.application_submit(
        arrangement=category.arrangement,
        organisation=supplier,
        categories=[category],
        answers=answers_for(category),
        declarations=NO_GROUNDS,
        by=supplier_user,
        on=timezone.localdate() - timedelta(days=30),
    )
    client.force_login(network_admin)
    page = client.get(reverse("procurement:queue")).content.decode()
    assert supplier.name in page
    assert "Overdue" in page
    assert "1 application is past its decision deadline" in page


def test_staff_decide_from_the_evaluation_page(
    client, category, supplier, supplier_user, network_admin
):
    application = services.application_submit(
        arrangement=category.arrangement,
        organisation=supplier,
        categories=[category],
        answers=answers_for(category),
        declarations=NO_GROUNDS,
        by=supplier_user,
    )
    client.force_login(network_admin)
    decision = application.decisions.get()
    response = client.post(
        reverse("procurement:decide", kwargs={"pk": decision.pk}),
        {f"d{decision.pk}-outcome": "admit", f"d{decision.pk}-reasons": "Strong evidence."},
    )
    assert response.status_code == 302
    assert Admission.objects.filter(organisation=supplier, category=category).exists()


def test_the_buyer_cannot_see_tender_content_before_the_deadline(
    client, category, admitted, org_a, officer_a, network_admin
):
    call_off = services.calloff_create(
        arrangement=category.arrangement,
        category=category,
        buyer=org_a,
        title="Review",
        requirement="r",
        budget=Decimal("5000"),
        criteria=[("Quality", 100)],
        tender_deadline=timezone.now() + timedelta(days=11),
        by=officer_a,
    )
    services.calloff_issue(call_off=call_off, by=officer_a)
    supplier, user = admitted[0]
    services.tender_submit(
        call_off=call_off, supplier=supplier, response="SECRET PLAN", price=Decimal("4321"), by=user
    )
    for who in (officer_a, network_admin, user):
        client.force_login(who)
        page = client.get(call_off.get_absolute_url()).content.decode()
        assert "SECRET PLAN" not in page
        assert "4,321" not in page
        evaluate = client.get(reverse("procurement:calloff_evaluate", kwargs={"pk": call_off.pk}))
        assert evaluate.status_code in (302, 403)
    client.force_login(officer_a)
    response = client.post(reverse("procurement:tenders_open", kwargs={"pk": call_off.pk}))
    assert response.status_code == 302
    call_off.refresh_from_db()
    assert call_off.status == CallOff.Status.ISSUED


def test_a_buyer_creates_and_issues_a_call_off(client, category, admitted, org_a, officer_a):
    client.force_login(officer_a)
    url = reverse("procurement:calloff_new", kwargs={"slug": category.arrangement.slug})
    deadline = (timezone.localtime() + timedelta(days=14)).strftime("%d/%m/%Y %H:%M")
    response = client.post(
        url,
        {
            "buyer": org_a.pk,
            "category": category.pk,
            "title": "Citizens' assembly design",
            "requirement": "Design and run an assembly.",
            "budget": "12000",
            "criteria": "Quality: 70\nPrice: 30",
            "tender_deadline": deadline,
        },
    )
    call_off = CallOff.objects.get()
    assert response.status_code == 302
    client.post(reverse("procurement:calloff_issue", kwargs={"pk": call_off.pk}))
    call_off.refresh_from_db()
    assert call_off.status == CallOff.Status.ISSUED
    assert call_off.invitations.count() == 2


def test_tender_open_score_and_award_through_the_pages(
    client, category, admitted, org_a, officer_a
):
    call_off = services.calloff_create(
        arrangement=category.arrangement,
        category=category,
        buyer=org_a,
        title="Review",
        requirement="r",
        budget=Decimal("5000"),
        criteria=[("Quality", 60), ("Price", 40)],
        tender_deadline=timezone.now() + timedelta(days=11),
        by=officer_a,
    )
    services.calloff_issue(call_off=call_off, by=officer_a)
    tender_url = reverse("procurement:tender", kwargs={"pk": call_off.pk})
    for n, (_supplier, user) in enumerate(admitted):
        client.force_login(user)
        assert client.get(tender_url).status_code == 200
        response = client.post(tender_url, {"response": f"Plan {n}", "price": "4000"})
        assert response.status_code == 302
    CallOff.objects.filter(pk=call_off.pk).update(
        tender_deadline=timezone.now() - timedelta(minutes=1)
    )
    # A late tender is refused on the form.
    late = client.post(tender_url, {"response": "Late", "price": "1"})
    assert "a late tender cannot be accepted" in late.content.decode()

    client.force_login(officer_a)
    client.post(reverse("procurement:tenders_open", kwargs={"pk": call_off.pk}))
    page = client.get(reverse("procurement:calloff_evaluate", kwargs={"pk": call_off.pk}))
    assert "Plan 0" in page.content.decode()
    assert "Plan 1" in page.content.decode()
    quality, price = call_off.criteria.all()
    tenders = list(call_off.tenders.order_by("supplier__name"))
    for tender, marks in zip(tenders, (("8", "5"), ("6", "9")), strict=True):
        client.post(
            reverse("procurement:tender_score", kwargs={"pk": tender.pk}),
            {
                f"t{tender.pk}-mark_{quality.pk}": marks[0],
                f"t{tender.pk}-mark_{price.pk}": marks[1],
            },
        )
    response = client.post(
        reverse("procurement:calloff_award", kwargs={"pk": call_off.pk}),
        {"tender": tenders[1].pk, "reasons": "Best value."},
    )
    assert response.status_code == 302
    call_off.refresh_from_db()
    assert call_off.status == CallOff.Status.AWARDED
    detail = client.get(call_off.get_absolute_url()).content.decode()
    assert "Records kept until at least" in detail
    assert tenders[1].supplier.name in detail


@pytest.mark.parametrize("count", [3, 2000])
def test_the_arrangement_pages_cost_the_same_queries_at_3_and_2000_suppliers(
    client, django_assert_num_queries, count
):
    category = CategoryFactory()
    bulk_admit(category, count)
    with django_assert_num_queries(ARRANGEMENTS_QUERIES):
        listing = client.get(reverse("procurement:arrangements"))
    assert category.arrangement.name in listing.content.decode()
    with django_assert_num_queries(ARRANGEMENT_QUERIES):
        page = client.get(category.arrangement.get_absolute_url())
    assert f">{count}</a>" in page.content.decode()  # suppliers admitted today


ARRANGEMENTS_QUERIES = 1
ARRANGEMENT_QUERIES = 5
