"""Back-office saves go through the registry's service, which re-checks under the holder's lock."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from coopnet.members import admin as members_admin
from coopnet.members import services
from coopnet.members.errors import MembersError
from coopnet.members.models import Membership
from coopnet.members.tests.factories import CouncilFactory, MembershipFactory, category

pytestmark = pytest.mark.django_db


def test_an_edit_that_would_overlap_another_period_is_refused_and_nothing_changes(network_admin):
    council = CouncilFactory(la_code="OLD")
    MembershipFactory(organisation=council, category=category("full"), start=date(2022, 1, 1))
    earlier = MembershipFactory(
        organisation=council,
        category=category("full"),
        start=date(2019, 1, 1),
        end=date(2020, 1, 1),
    )
    earlier.end = date(2023, 1, 1)
    with pytest.raises(MembersError, match="overlaps"):
        services.membership_save(membership=earlier, by=network_admin)
    earlier.refresh_from_db()
    assert earlier.end == date(2020, 1, 1)


def test_a_back_office_save_that_loses_a_race_is_refused_with_a_message(
    client, network_admin, monkeypatch
):
    council = CouncilFactory(la_code="OLD")
    MembershipFactory(organisation=council, category=category("full"), start=date(2022, 1, 1))
    # The form was checked before the other period was recorded: its check finds nothing.
    monkeypatch.setattr(members_admin, "period_errors", lambda **kwargs: [])
    client.force_login(network_admin)
    response = client.post(
        reverse("admin:members_membership_add"),
        {"organisation": council.pk, "category": category("full").pk, "start": "2023-01-01"},
    )
    assert response.status_code == 302
    assert any("overlaps" in str(m) for m in get_messages(response.wsgi_request))
    assert Membership.objects.filter(organisation=council).count() == 1


def test_a_back_office_save_records_who_made_it(client, network_admin):
    council = CouncilFactory(la_code="KIR")
    client.force_login(network_admin)
    response = client.post(
        reverse("admin:members_membership_add"),
        {"organisation": council.pk, "category": category("full").pk, "start": "2023-01-01"},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(organisation=council)
    assert membership.history.get().history_user == network_admin
