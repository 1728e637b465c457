"""The board and staff see take-up on the dashboard; nobody else does; a member sees its own
overdue induction steps. Query counts do not grow with the network."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coopnet.learning import services
from coopnet.learning.models import Enrolment
from coopnet.members.tests.factories import PersonFactory

from .factories import (
    EnrolmentFactory,
    ProgrammeFactory,
    member_council,
    officer_of,
    submitted_assessment,
)

pytestmark = pytest.mark.django_db

HEADING = b"Learning and peer review take-up"


@pytest.fixture
def figures(current_framework, org_a, officer_a, network_admin):
    certified = ProgrammeFactory(certified=True)
    EnrolmentFactory(
        person=officer_a.person,
        programme=certified,
        organisation=org_a,
        status=Enrolment.Status.COMPLETED,
        completed_on=timezone.localdate(),
    )
    submitted_assessment(org_a, 3)
    services.induction_start(
        organisation=org_a, by=network_admin, on=timezone.localdate() - timedelta(days=400)
    )


@pytest.mark.parametrize("role", ["board_member", "network_admin"])
def test_the_board_and_staff_see_take_up(client, figures, request, role):
    client.force_login(request.getfixturevalue(role))
    page = client.get(reverse("site:dashboard")).content.decode()
    assert HEADING.decode() in page
    assert "Certified completions" in page
    assert "Inductions with overdue steps" in page


@pytest.mark.parametrize("role", ["officer_a", "officer_b", "supporter", "finance_officer"])
def test_others_do_not_see_take_up(client, figures, request, role):
    client.force_login(request.getfixturevalue(role))
    assert HEADING not in client.get(reverse("site:dashboard")).content


def test_a_visitor_is_sent_to_sign_in(client):
    response = client.get(reverse("site:dashboard"))
    assert response.status_code == 302


def test_the_figures(figures, org_a):
    from coopnet.learning.selectors import take_up

    t = take_up(timezone.localdate())
    assert (t.members_training, t.completed, t.certified_completed) == (1, 1, 1)
    assert (t.inductions, t.inductions_complete, t.inductions_overdue) == (1, 0, 1)
    assert t.members_assessed == 1
    assert t.members >= 1


def test_a_member_sees_its_overdue_induction_and_another_does_not(
    client, figures, officer_a, officer_b
):
    client.force_login(officer_a)
    assert b"overdue induction step" in client.get(reverse("site:dashboard")).content
    client.force_login(officer_b)
    assert b"overdue induction step" not in client.get(reverse("site:dashboard")).content


def test_take_up_costs_the_same_at_any_size(
    client, current_framework, board_member, network_admin, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def grow(start, stop):
        for n in range(start, stop):
            org = member_council(f"Council {n}")
            person = officer_of(org)
            EnrolmentFactory(person=person.person, organisation=org)
            submitted_assessment(org, 2)
            services.induction_start(organisation=org, by=network_admin)

    client.force_login(board_member)
    grow(0, 2)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("site:dashboard"))
    grow(2, 12)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("site:dashboard"))


def test_remembered_take_up_changes_as_soon_as_a_record_does(
    figures, org_a, django_assert_num_queries
):
    from coopnet.learning.models import InductionItem
    from coopnet.learning.selectors import take_up_cached

    today = timezone.localdate()
    first = take_up_cached(today)
    with django_assert_num_queries(1):  # the version only
        assert take_up_cached(today) == first

    EnrolmentFactory(
        person=PersonFactory(), programme=ProgrammeFactory(), organisation=org_a
    )  # enrolled, not completed
    assert take_up_cached(today).enrolled == first.enrolled + 1

    InductionItem.objects.filter(induction__organisation=org_a).update(done_on=today)  # bulk
    assert take_up_cached(today).inductions_complete == first.inductions_complete + 1
