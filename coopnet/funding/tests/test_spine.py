"""The shared rules as funding meets them: who manages an organisation on a date, refusals that
answer 403 wherever they are raised, the audit trail, the system acting, the membership year."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from coopnet.accounts.roles import UserRole
from coopnet.core.audit import audit_trail_for
from coopnet.core.guard import Refused
from coopnet.funding import services
from coopnet.funding.models import Bid, ProgressReport, Project
from coopnet.funding.selectors import YearKpi, kpi_years
from coopnet.funding.tests.factories import SYSTEM, BidFactory, ProjectFactory, RoundFactory
from coopnet.members.models import RoleKind
from coopnet.members.tests.factories import PersonFactory, RoleFactory, UserFactory

from .conftest import complete_bid

pytestmark = pytest.mark.django_db


def _officer(org_a, org_b, when: str):
    """An officer who manages org B today, and whose role at org A starts tomorrow or ended
    yesterday."""
    today = timezone.localdate()
    user = UserFactory(roles=[UserRole.MEMBER_OFFICER])
    person = PersonFactory(user=user, full_name=user.full_name)
    RoleFactory(person=person, organisation=org_b, kind=RoleKind.OFFICER, manages_profile=True)
    if when == "starts tomorrow":
        period = {"start": today + timedelta(days=1), "end": None}
    else:
        period = {"start": date(2020, 1, 1), "end": today - timedelta(days=1)}
    RoleFactory(
        person=person,
        organisation=org_a,
        kind=RoleKind.OFFICER_LEAD,
        manages_profile=True,
        **period,
    )
    return user


@pytest.mark.parametrize("when", ["starts tomorrow", "ended yesterday"])
def test_an_officer_out_of_their_role_cannot_bid_for_the_organisation(
    client, open_round, lab, org_a, org_b, when
):
    user = _officer(org_a, org_b, when)
    client.force_login(user)
    page = client.get(reverse("funding:bid_new", args=[open_round.year]))
    assert page.status_code == 200
    assert list(page.context["form"].fields["lead"].queryset) == [org_b]
    with pytest.raises(Refused):
        services.bid_create(round=open_round, scheme=lab, lead=org_a, by=user, title="T")
    bid = BidFactory(round=open_round, lead=org_a)
    assert client.get(reverse("funding:bid_edit", args=[bid.pk])).status_code == 403
    assert client.get(reverse("funding:bid", args=[bid.pk])).status_code == 403
    assert not Bid.objects.filter(created_by=user).exists()


def test_someone_whose_only_role_starts_tomorrow_cannot_open_the_bid_form(
    client, open_round, org_a
):
    user = UserFactory(roles=[UserRole.MEMBER_OFFICER])
    person = PersonFactory(user=user)
    RoleFactory(
        person=person,
        organisation=org_a,
        manages_profile=True,
        start=timezone.localdate() + timedelta(days=1),
    )
    client.force_login(user)
    assert client.get(reverse("funding:bid_new", args=[open_round.year])).status_code == 403


def test_a_refusal_raised_by_a_service_answers_403(
    client, open_round, lab, org_a, org_b, officer_a
):
    """The view lets the lead's officer see the bid; only the service knows that confirming the
    partner's part is for the partner: its refusal reaches the person as a 403, not a 500."""
    bid = services.bid_create(round=open_round, scheme=lab, lead=org_a, by=officer_a, title="T")
    partner = services.bid_add_partner(bid=bid, by=officer_a, organisation=org_b)
    client.force_login(officer_a)
    response = client.post(reverse("funding:bid_partner_confirm", args=[bid.pk, partner.pk]))
    assert response.status_code == 403
    partner.refresh_from_db()
    assert partner.confirmed_at is None


def test_by_none_is_never_the_system(open_round, lab, org_a):
    with pytest.raises(TypeError):
        services.bid_create(round=open_round, scheme=lab, lead=org_a, by=None, title="T")


def test_a_submitted_bid_is_in_the_lead_organisations_audit_trail(
    open_round, lab, org_a, officer_a, principle
):
    bid = services.bid_create(round=open_round, scheme=lab, lead=org_a, by=officer_a, title="T")
    complete_bid(bid, by=officer_a, principle=principle)
    services.bid_submit(bid=bid, by=officer_a)
    trail = list(audit_trail_for(org_a))
    assert trail[0].action == "bid.submitted"
    assert trail[0].user == officer_a
    assert {e.action for e in trail} >= {"bid.created", "bid.updated", "bid.budget_set"}
    assert bid.history.first().history_user == officer_a


def test_the_reminders_command_acts_as_the_system(network_admin, org_a):
    project = ProjectFactory(lead=org_a, round=RoundFactory(year=2021))
    Project.objects.filter(pk=project.pk).update(
        starts_on=timezone.localdate() - timedelta(days=200),
        ends_on=timezone.localdate() + timedelta(days=10),
    )
    project.reports.create(
        kind=ProgressReport.Kind.FINAL, due_on=timezone.localdate() + timedelta(days=5)
    )
    services.agreement_sign(project=project, by=network_admin, on=timezone.localdate())
    call_command("funding_send_reminders", stdout=io.StringIO())
    entry = audit_trail_for(project).filter(action="project.report_reminder_sent").get()
    assert entry.system_job == "funding_send_reminders"
    assert entry.user is None


def test_kpi_years_are_membership_years():
    assert YearKpi(year_end=date(2022, 7, 31), full_members=0, by_scheme={}).label == "2021/22"
    years = kpi_years(date(2023, 8, 1))
    assert years[-1] == date(2024, 7, 31)
    assert years[0] == date(2022, 7, 31)


def test_set_up_writes_as_the_system(open_round, lab, org_a):
    bid = services.bid_create(round=open_round, scheme=lab, lead=org_a, by=SYSTEM, title="T")
    entry = audit_trail_for(bid).get()
    assert entry.system_job == "tests"
