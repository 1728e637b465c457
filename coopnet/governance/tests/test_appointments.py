"""Composition rules: every refusal of appointment_create, and the selectors others rely on."""

from __future__ import annotations

from datetime import date

import pytest

from coopnet.core.guard import Refused
from coopnet.governance import selectors
from coopnet.governance.errors import GovernanceError
from coopnet.governance.models import Appointment, Constituency, Office
from coopnet.governance.services import appointment_create, appointment_end
from coopnet.governance.tests.factories import SYSTEM
from coopnet.members.tests.factories import PersonFactory

from .conftest import START, appoint, seat

pytestmark = pytest.mark.django_db


def test_full_member_takes_a_full_seat(eoc, org_a, network_admin):
    person = PersonFactory()
    a = appointment_create(
        seat=seat(eoc, constituency=Constituency.FULL),
        person=person,
        organisation=org_a,
        start=START,
        how=Appointment.How.ELECTED,
        by=network_admin,
    )
    assert a.history.count() == 1
    assert a.history.first().history_user == network_admin


def test_refuses_a_non_full_member_in_a_full_seat(eoc, associate_org):
    with pytest.raises(GovernanceError, match="is not in the Full members category"):
        appoint(seat(eoc, constituency=Constituency.FULL), associate_org)
    assert not Appointment.objects.exists()


def test_refuses_an_organisation_that_was_not_yet_a_member_on_the_start(eoc, org_a):
    with pytest.raises(GovernanceError, match="not a member"):
        appoint(seat(eoc, constituency=Constituency.FULL), org_a, start=date(2019, 1, 1))


def test_refuses_a_full_seat_without_an_organisation(eoc):
    with pytest.raises(GovernanceError, match="representative of a member organisation"):
        appoint(seat(eoc, constituency=Constituency.FULL), None)


def test_refuses_an_affiliate_in_the_associate_seat(eoc, affiliate_org, associate_org):
    with pytest.raises(GovernanceError, match="Associate members category"):
        appoint(seat(eoc, constituency=Constituency.ASSOCIATE), affiliate_org)
    appoint(seat(eoc, constituency=Constituency.ASSOCIATE), associate_org)


def test_refuses_two_people_in_a_one_place_seat(eoc, associate_org):
    s = seat(eoc, constituency=Constituency.ASSOCIATE)
    appoint(s, associate_org)
    with pytest.raises(GovernanceError, match="is full"):
        appoint(s, associate_org, start=date(2021, 6, 1))


def test_a_seat_is_free_again_once_its_holder_stands_down(eoc, associate_org):
    s = seat(eoc, constituency=Constituency.ASSOCIATE)
    first = appoint(s, associate_org)
    appointment_end(appointment=first, end=date(2021, 5, 31), by=SYSTEM)
    appoint(s, associate_org, start=date(2021, 6, 1))
    with pytest.raises(GovernanceError, match="is full"):
        appoint(s, associate_org, start=date(2021, 5, 1))


def test_refuses_more_than_the_seat_count(eoc, org_a):
    s = seat(eoc, constituency=Constituency.FULL)
    for _ in range(6):
        appoint(s, org_a)
    with pytest.raises(GovernanceError, match="its 6 place"):
        appoint(s, org_a)
    assert s.appointments.count() == 6


def test_successive_terms_do_not_count_as_overlapping(eoc, org_a):
    s = seat(eoc, constituency=Constituency.FULL)
    for _ in range(6):
        appoint(s, org_a, end=date(2022, 11, 30))
    for _ in range(6):
        appoint(s, org_a, start=date(2022, 12, 1))


def test_refuses_the_same_person_twice_in_one_seat(eoc, org_a):
    s = seat(eoc, constituency=Constituency.FULL)
    person = PersonFactory()
    appoint(s, org_a, person=person)
    with pytest.raises(GovernanceError, match="already holds a place"):
        appoint(s, org_a, person=person, start=date(2021, 1, 1))


def test_refuses_one_person_holding_two_offices(eoc, org_a):
    person = PersonFactory()
    appoint(seat(eoc, constituency=Constituency.FULL, office=Office.CHAIR), org_a, person=person)
    with pytest.raises(GovernanceError, match="already holds the office of Chair"):
        appoint(
            seat(eoc, constituency=Constituency.FULL, office=Office.VICE_CHAIR),
            org_a,
            person=person,
        )


def test_refuses_one_person_in_two_seats_of_a_body(eoc, org_a):
    person = PersonFactory()
    appoint(seat(eoc, constituency=Constituency.FULL), org_a, person=person)
    with pytest.raises(GovernanceError, match="already sits on this body"):
        appoint(
            seat(eoc, constituency=Constituency.FULL, office=Office.CHAIR), org_a, person=person
        )


def test_refuses_an_office_of_more_than_one_place(eoc, org_a):
    chair = seat(eoc, constituency=Constituency.FULL, office=Office.CHAIR)
    chair.places = 2
    chair.save()
    with pytest.raises(GovernanceError, match="one person at a time"):
        appoint(chair, org_a)


def test_office_seat_needs_a_full_member(eoc, associate_org):
    with pytest.raises(GovernanceError, match="Full members category"):
        appoint(seat(eoc, constituency=Constituency.FULL, office=Office.CHAIR), associate_org)


def test_vp_chair_sits_on_the_eoc_ex_officio(eoc, vp, org_a, org_b):
    person = PersonFactory()
    ex_officio = seat(eoc, constituency=Constituency.EX_OFFICIO)
    with pytest.raises(GovernanceError, match="does not hold the office"):
        appoint(ex_officio, org_b, person=person, how=Appointment.How.EX_OFFICIO)
    appoint(seat(vp, constituency=Constituency.FULL, office=Office.CHAIR), org_b, person=person)
    appoint(ex_officio, org_b, person=person, how=Appointment.How.EX_OFFICIO)
    assert list(selectors.people_serving_on(["eoc"], START)) == [person]


def test_ex_officio_only_by_way_of_office(eoc, org_a):
    with pytest.raises(GovernanceError, match="Only an ex officio seat"):
        appoint(seat(eoc, constituency=Constituency.FULL), org_a, how=Appointment.How.EX_OFFICIO)


def test_accountable_body_seat_is_for_its_representative(eoc, org_a, org_b):
    s = seat(eoc, constituency=Constituency.ACCOUNTABLE_BODY)
    with pytest.raises(GovernanceError, match="representative of Oldham"):
        appoint(s, org_b, how=Appointment.How.APPOINTED)
    appoint(s, org_a, how=Appointment.How.APPOINTED)


def test_refuses_an_end_before_the_start(eoc, org_a):
    with pytest.raises(GovernanceError, match="end date is before"):
        appoint(seat(eoc, constituency=Constituency.FULL), org_a, end=date(2020, 1, 1))


def test_refuses_someone_without_permission(eoc, org_a, board_member):
    with pytest.raises(Refused):
        appointment_create(
            seat=seat(eoc, constituency=Constituency.FULL),
            person=PersonFactory(),
            organisation=org_a,
            start=START,
            how=Appointment.How.ELECTED,
            by=board_member,
        )


def test_members_on_a_date(eoc, vp, org_a, django_assert_num_queries):
    s = seat(eoc, constituency=Constituency.FULL)
    old = appoint(s, org_a, end=date(2021, 12, 31))
    new = appoint(s, org_a, start=date(2022, 1, 1))
    with django_assert_num_queries(1):
        held = list(selectors.members_on(eoc, date(2021, 6, 1)))
        assert [a.person.full_name for a in held] == [old.person.full_name]
        assert held[0].organisation == org_a
        assert held[0].seat == s
    assert list(selectors.members_on(eoc, date(2022, 7, 31))) == [new]
    assert list(selectors.members_on(vp, date(2022, 7, 31))) == []
    assert set(selectors.people_serving_on(["eoc", "vp-board"], date(2022, 7, 31))) == {new.person}
