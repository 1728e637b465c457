"""The spine's one place for each rule: periods, the membership year, money, the guard, the domain
error, actors and the audit trail, and the public content version."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from hypothesis import given
from hypothesis import strategies as st

from coopnet.core import membership_year as years
from coopnet.core.actors import System, acting_as, current_actor, history_user
from coopnet.core.audit import AuditEntry, audit_record, audit_trail_for
from coopnet.core.errors import DomainError, reported
from coopnet.core.forms import GovukForm
from coopnet.core.guard import Refused, allowed, require
from coopnet.core.money import MoneyError, format_money, parse_money
from coopnet.core.periods import is_current_on, overlaps
from coopnet.core.versioning import bump_public_version, public_version
from coopnet.members.models import Membership, Organisation, Role
from coopnet.members.selectors import managed_organisation_ids, organisations_managed_by
from coopnet.members.tests.factories import PersonFactory, RoleFactory

TODAY = date(2026, 12, 2)


# --- periods -------------------------------------------------------------------------------------


def test_a_period_includes_both_ends_and_open_ends_run_on():
    assert is_current_on(date(2022, 8, 1), date(2023, 7, 31), date(2023, 7, 31))
    assert not is_current_on(date(2022, 8, 1), date(2023, 7, 31), date(2023, 8, 1))
    assert not is_current_on(date(2022, 8, 1), None, date(2022, 7, 31))
    assert is_current_on(None, None, date(1900, 1, 1))


@given(
    st.dates(), st.integers(0, 800), st.dates(), st.integers(0, 800), st.booleans(), st.booleans()
)
def test_overlaps_agrees_with_counting_shared_days(a, a_len, b, b_len, a_open, b_open):
    a_end = None if a_open else a + timedelta(days=a_len)
    b_end = None if b_open else b + timedelta(days=b_len)
    far = date(9999, 12, 31)
    shared_first, shared_last = max(a, b), min(a_end or far, b_end or far)
    assert overlaps(a, a_end, b, b_end) == (shared_first <= shared_last)


@pytest.mark.django_db
def test_current_on_is_the_same_rule_for_memberships_and_roles(org_a):
    role = RoleFactory(organisation=org_a, start=TODAY, end=TODAY + timedelta(days=1))
    assert not Role.objects.current_on(TODAY - timedelta(days=1)).filter(pk=role.pk).exists()
    assert Role.objects.current_on(TODAY).filter(pk=role.pk).exists()
    assert Role.objects.current_on(TODAY + timedelta(days=1)).filter(pk=role.pk).exists()
    assert not Role.objects.current_on(TODAY + timedelta(days=2)).filter(pk=role.pk).exists()
    membership = Membership.objects.filter(organisation=org_a).first()
    assert membership is not None
    current = Membership.objects.current_on(membership.start)
    assert current.filter(pk=membership.pk).exists() == membership.is_current_on(membership.start)


# --- who manages an organisation ---------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "end", "manages"),
    [
        (None, None, True),
        (TODAY - timedelta(days=30), TODAY, True),  # ends today: still holds today
        (TODAY - timedelta(days=30), TODAY - timedelta(days=1), False),  # ended yesterday
        (TODAY + timedelta(days=1), None, False),  # starts tomorrow
    ],
)
def test_managing_follows_the_period_rule(org_a, start, end, manages, user_factory):
    user = user_factory()
    RoleFactory(organisation=org_a, person=user.person, start=start, end=end, manages_profile=True)
    assert (org_a.pk in managed_organisation_ids(user, TODAY)) is manages
    assert organisations_managed_by(user, TODAY).filter(pk=org_a.pk).exists() is manages
    assert Role.objects.managing(user.person, on=TODAY).exists() is manages


@pytest.mark.django_db
def test_a_role_that_does_not_manage_the_profile_manages_nothing(org_a, user_factory):
    user = user_factory()
    RoleFactory(organisation=org_a, person=user.person, manages_profile=False)
    assert managed_organisation_ids(user, TODAY) == frozenset()
    assert managed_organisation_ids(AnonymousUser(), TODAY) == frozenset()


# --- the membership year -------------------------------------------------------------------------


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(9998, 12, 31)))
def test_every_day_falls_in_exactly_its_membership_year(day):
    year = years.year_of(day)
    assert years.year_start(year) <= day <= years.year_end(year)
    assert years.parse_year_label(years.year_label(year)) == year


def test_the_year_runs_from_august_to_july_and_is_named_by_its_start():
    assert years.year_of(date(2022, 7, 31)) == 2021
    assert years.year_of(date(2022, 8, 1)) == 2022
    assert years.year_label(2021) == "2021/22"
    assert years.year_label(1999) == "1999/00"
    assert years.parse_year_label("2021/23") is None
    assert years.months_left(date(2022, 8, 15)) == 12
    assert years.months_left(date(2023, 7, 1)) == 1


# --- money ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount"),
    [("3500", "3500.00"), ("£1,000.50", "1000.50"), (" 12.5 ", "12.50"), ("0", "0.00")],
)
def test_amounts_people_type_are_read_to_the_penny(text, amount):
    assert parse_money(text) == Decimal(amount)


@pytest.mark.parametrize("text", ["", "1e309", "1e5", "abc", "1,00", "12.345", "-5", "NaN", "inf"])
def test_amounts_that_are_not_money_are_refused_with_a_message(text):
    with pytest.raises(MoneyError) as refused:
        parse_money(text)
    assert str(refused.value)


def test_amounts_past_what_a_field_holds_are_refused():
    with pytest.raises(MoneyError):
        parse_money("10000000000")
    assert parse_money("-5", allow_negative=True) == Decimal("-5.00")


def test_money_is_shown_one_way():
    assert format_money(Decimal("145000")) == "£145,000.00"
    assert format_money(Decimal("-12.5")) == "-£12.50"
    assert format_money(Decimal("3500"), pence=False) == "£3,500"
    assert format_money(None) == ""


# --- the guard -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_refusal_is_a_permission_denied_and_the_system_is_named(user_factory, org_a):
    officer = user_factory()
    with pytest.raises(Refused) as refused:
        require(officer, "members.manage_registry")
    assert isinstance(refused.value, PermissionDenied)
    assert str(refused.value)
    require(System("test"), "members.manage_registry")
    require(None, "members.manage_registry", system=True)
    with pytest.raises(TypeError):
        require(None, "members.manage_registry")
    assert not allowed(AnonymousUser(), "members.manage_registry")


@pytest.mark.django_db
@pytest.mark.urls("coopnet.core.tests.spine_urls")
def test_a_refusal_raised_in_a_view_that_does_not_catch_it_is_a_403(client, user_factory):
    client.force_login(user_factory())
    response = client.get("/spine/refusal/")
    assert response.status_code == 403
    assert "allowed" not in response.text


@pytest.mark.django_db
@pytest.mark.urls("coopnet.core.tests.spine_urls")
def test_a_domain_error_no_view_caught_says_what_was_refused(client, user_factory):
    client.force_login(user_factory())
    page = client.get("/spine/domain-error/")
    assert page.status_code == 400
    assert "The round has closed." in page.text
    posted = client.post("/spine/domain-error/", HTTP_REFERER="http://testserver/dashboard/")
    assert posted.status_code == 302
    assert posted["Location"] == "http://testserver/dashboard/"
    assert "The round has closed." in client.get(posted["Location"]).text


# --- the domain error ----------------------------------------------------------------------------


class _AmountForm(GovukForm):
    from django import forms as _forms

    amount = _forms.CharField()


def test_reported_puts_a_domain_error_on_its_field_or_on_the_form():
    form = _AmountForm(data={"amount": "x"})
    assert form.is_valid()
    with reported(form) as outcome:
        raise DomainError("Too much", field="amount")
    assert not outcome.ok
    assert form.errors["amount"] == ["Too much"]
    other = _AmountForm(data={"amount": "x"})
    other.is_valid()
    with reported(other) as outcome:
        raise DomainError("Not now", field="no_such_field")
    assert other.non_field_errors() == ["Not now"]
    with reported(other) as outcome:
        pass
    assert outcome.ok


def test_reported_lets_other_errors_through():
    form = _AmountForm(data={})
    with pytest.raises(KeyError), reported(form):
        raise KeyError("x")


# --- actors and the audit trail -----------------------------------------------------------------


def test_acting_as_names_the_actor_and_refuses_none():
    assert current_actor() is None
    with acting_as(System("nightly")):
        assert current_actor() == System("nightly")
        assert history_user() is None  # the system has no user row
    with pytest.raises(TypeError), acting_as(None):
        pass


@pytest.mark.django_db
def test_field_history_is_attributed_to_the_actor_without_setting_it_by_hand(org_a, user_factory):
    officer = user_factory()
    with acting_as(officer):
        org_a.description = "Attributed"
        org_a.save()
    assert org_a.history.latest().history_user == officer


@pytest.mark.django_db
def test_an_audit_entry_records_who_what_why_and_whom_it_concerns(org_a, user_factory):
    officer = user_factory()
    with transaction.atomic():
        audit_record(
            by=officer,
            action="organisation.profile_updated",
            target=org_a,
            about=[officer.person, None, org_a],
            reason="Typo",
        )
        audit_record(by=System("import"), action="organisation.imported", target=org_a)
    trail = list(audit_trail_for(org_a))
    assert [entry.action for entry in trail][::-1] == [
        "organisation.profile_updated",
        "organisation.imported",
    ]
    assert trail[0].actor_label == "System (import)"
    assert trail[1].user == officer
    assert trail[1].reason == "Typo"
    assert list(audit_trail_for(officer.person)) == [trail[1]]
    with pytest.raises(TypeError), transaction.atomic():
        audit_record(by=None, action="x", target=org_a)


@pytest.mark.django_db(transaction=True)
def test_an_audit_entry_outside_a_transaction_is_refused(org_a):
    with pytest.raises(RuntimeError):
        audit_record(by=System("x"), action="x", target=org_a)
    assert not AuditEntry.objects.exists()


# --- the public content version -----------------------------------------------------------------


@pytest.mark.django_db
def test_every_write_to_a_public_record_moves_the_version_on(org_a):
    before = public_version()
    org_a.save()
    after_save = public_version()
    assert after_save > before
    Organisation.objects.filter(pk=org_a.pk).update(description="Bulk")
    after_update = public_version()
    assert after_update > after_save
    bump_public_version()
    assert public_version() > after_update


@pytest.mark.django_db(transaction=True)
def test_the_version_moves_again_once_the_write_commits():
    with transaction.atomic():
        bump_public_version()
        inside = public_version()
    assert public_version() > inside


@pytest.mark.django_db(transaction=True)
def test_a_transaction_writing_many_public_records_moves_the_version_on_once():
    from coopnet.core.models import PublicChange
    from coopnet.members.tests.factories import OrganisationFactory

    before = public_version()
    with transaction.atomic():
        for _ in range(5):
            OrganisationFactory()
        inside = public_version()
        OrganisationFactory()  # read in between: this write moves it on again
        assert public_version() > inside
    # One row for the first five, one for the sixth, one once it committed; not one per write.
    assert PublicChange.objects.filter(pk__gt=before).count() == 3


# --- fixtures ------------------------------------------------------------------------------------


@pytest.fixture
def user_factory():
    from coopnet.members.tests.factories import UserFactory

    def make():
        user = UserFactory()
        PersonFactory(user=user)
        user.refresh_from_db()
        return user

    return make
