"""The staff dashboard flags supplier applications past their decision deadline."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coopnet.procurement import services

from .factories import NO_GROUNDS, answers_for

pytestmark = pytest.mark.django_db


def _apply(category, supplier, user, days_ago: int):
    return services.application_submit(
        arrangement=category.arrangement,
        organisation=supplier,
        categories=[category],
        answers=answers_for(category),
        declarations=NO_GROUNDS,
        by=user,
        on=timezone.localdate() - timedelta(days=days_ago),
    )


def test_staff_see_overdue_evaluations_on_their_dashboard(
    client, category, supplier, supplier_user, network_admin
):
    application = _apply(category, supplier, supplier_user, days_ago=30)
    client.force_login(network_admin)
    page = client.get(reverse("site:dashboard")).content.decode()
    assert "1 application is past its decision deadline." in page
    assert reverse("procurement:evaluate", kwargs={"pk": application.pk}) in page
    assert "1 application awaiting a decision" in page


def test_an_application_within_its_clock_is_not_flagged(
    client, category, supplier, supplier_user, network_admin
):
    _apply(category, supplier, supplier_user, days_ago=0)
    client.force_login(network_admin)
    page = client.get(reverse("site:dashboard")).content.decode()
    assert "past its decision deadline" not in page
    assert "1 application awaiting a decision" in page


def test_other_people_never_see_the_panel(client, category, supplier, supplier_user, officer_a):
    _apply(category, supplier, supplier_user, days_ago=30)
    for user in (officer_a, supplier_user):
        client.force_login(user)
        page = client.get(reverse("site:dashboard")).content.decode()
        assert "past its decision deadline" not in page
        assert "Supplier applications" not in page
