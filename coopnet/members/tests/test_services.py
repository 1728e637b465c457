"""Writes to the registry keep its rules, and refuse clearly when they would break them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from django.utils import timezone

from coopnet.core.actors import System
from coopnet.core.guard import Refused
from coopnet.members import services
from coopnet.members.errors import MembersError
from coopnet.members.models import Membership, OrganisationKind, Role, RoleKind
from coopnet.members.services import ContactDetails, OrganisationProfile
from coopnet.members.tests.factories import (
    CouncilFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    RoleFactory,
    category,
)

pytestmark = pytest.mark.django_db


def test_admin_starts_a_membership_and_history_is_kept(network_admin):
    council = CouncilFactory(la_code="OLD")
    m = services.membership_start(
        holder=council, category=category("full"), start=date(2022, 8, 1), by=network_admin
    )
    assert m.history.count() == 1
    services.membership_end(
        membership=m, end=date(2023, 7, 31), reason="Left the network", by=network_admin
    )
    m.refresh_from_db()
    assert m.end == date(2023, 7, 31)
    assert m.history.count() == 2
    assert m.history.earliest().end is None


@pytest.mark.parametrize(
    ("kind", "code"),
    [
        (OrganisationKind.LOCAL_COUNCIL, "full"),
        (OrganisationKind.AFFILIATE_ORGANISATION, "associate"),
        (OrganisationKind.PRINCIPAL_COUNCIL, "affiliate"),
    ],
)
def test_a_category_the_organisation_kind_may_not_hold_is_refused(kind, code):
    org = (
        CouncilFactory(la_code="OLD")
        if kind == OrganisationKind.PRINCIPAL_COUNCIL
        else OrganisationFactory(kind=kind)
    )
    with pytest.raises(MembersError, match="cannot hold"):
        services.membership_start(
            holder=org, category=category(code), start=date(2022, 1, 1), by=System("tests")
        )
    assert not Membership.objects.exists()


def test_an_individual_may_only_be_a_supporter():
    person = PersonFactory()
    with pytest.raises(MembersError, match="individual cannot hold"):
        services.membership_start(
            holder=person, category=category("full"), start=date(2022, 1, 1), by=System("tests")
        )
    m = services.membership_start(
        holder=person, category=category("supporter"), start=date(2022, 1, 1), by=System("tests")
    )
    assert m.person == person


def test_overlapping_memberships_are_refused():
    council = CouncilFactory(la_code="OLD")
    MembershipFactory(
        organisation=council,
        category=category("full"),
        start=date(2020, 1, 1),
        end=date(2022, 12, 31),
    )
    with pytest.raises(MembersError, match="overlaps"):
        services.membership_start(
            holder=council, category=category("full"), start=date(2022, 6, 1), by=System("tests")
        )
    # The day after the end is fine.
    services.membership_start(
        holder=council, category=category("full"), start=date(2023, 1, 1), by=System("tests")
    )
    assert council.memberships.count() == 2


def test_end_before_start_is_refused_and_nothing_changes(network_admin):
    m = MembershipFactory(start=date(2022, 1, 1))
    with pytest.raises(MembersError, match="cannot end before it starts"):
        services.membership_end(membership=m, end=date(2021, 12, 31), reason="x", by=network_admin)
    with pytest.raises(MembersError, match="reason"):
        services.membership_end(membership=m, end=date(2022, 12, 31), reason="  ", by=network_admin)
    m.refresh_from_db()
    assert m.end is None


def test_changing_category_ends_one_membership_and_starts_another(network_admin):
    group = OrganisationFactory(kind=OrganisationKind.POLITICAL_GROUP)
    m = MembershipFactory(
        organisation=group, category=category("supporter"), start=date(2020, 1, 1)
    )
    with pytest.raises(MembersError, match="already holds"):
        services.membership_change_category(
            membership=m, category=category("supporter"), on=date(2022, 1, 1), by=network_admin
        )
    new = services.membership_change_category(
        membership=m, category=category("associate"), on=date(2022, 1, 1), by=network_admin
    )
    m.refresh_from_db()
    assert m.end == date(2021, 12, 31)
    assert "Associate" in m.end_reason
    assert (new.category.code, new.start, new.end) == ("associate", date(2022, 1, 1), None)


def test_a_category_change_into_a_category_the_kind_may_not_hold_changes_nothing(network_admin):
    group = OrganisationFactory(kind=OrganisationKind.POLITICAL_GROUP)
    m = MembershipFactory(
        organisation=group, category=category("associate"), start=date(2020, 1, 1)
    )
    with pytest.raises(MembersError, match="cannot hold"):
        services.membership_change_category(
            membership=m, category=category("full"), on=date(2022, 1, 1), by=network_admin
        )
    m.refresh_from_db()
    assert m.end is None
    assert group.memberships.count() == 1


def test_only_network_admins_may_write_memberships(officer_a, finance_officer, org_a):
    for user in (officer_a, finance_officer):
        with pytest.raises(Refused):
            services.membership_start(
                holder=org_a, category=category("full"), start=date(2030, 1, 1), by=user
            )
        with pytest.raises(Refused):
            services.membership_end(
                membership=org_a.memberships.get(), end=date(2030, 1, 1), reason="x", by=user
            )


def test_officer_updates_only_their_own_organisations_profile(officer_a, org_a, org_b):
    services.organisation_update_profile(
        organisation=org_a,
        by=officer_a,
        profile=replace(OrganisationProfile.of(org_a), website="https://a.example"),
    )
    org_a.refresh_from_db()
    assert org_a.website == "https://a.example"
    assert org_a.history.count() == 2
    with pytest.raises(Refused):
        services.organisation_update_profile(
            organisation=org_b,
            by=officer_a,
            profile=replace(OrganisationProfile.of(org_b), website="https://evil.example"),
        )
    org_b.refresh_from_db()
    assert org_b.website == ""


def test_an_officer_whose_role_ended_can_no_longer_edit(officer_a, org_a):
    Role.objects.filter(person__user=officer_a).update(end=date(2020, 1, 1))
    with pytest.raises(Refused):
        services.organisation_update_profile(
            organisation=org_a,
            by=officer_a,
            profile=replace(OrganisationProfile.of(org_a), website="https://x.example"),
        )


def test_contacts_are_added_updated_and_ended_with_consent_recorded(officer_a, org_a):
    role = services.contact_add(
        organisation=org_a,
        by=officer_a,
        contact=ContactDetails(
            full_name="Ada Lovelace",
            kind=RoleKind.INVOICE_CONTACT,
            email="ada@example.org",
            consent_to_contact=True,
        ),
    )
    assert role.person.consent_recorded_at is not None
    services.contact_update(
        role=role,
        by=officer_a,
        contact=replace(ContactDetails.of(role), title="Finance Officer", consent_to_contact=False),
    )
    role.refresh_from_db()
    role.person.refresh_from_db()
    assert role.title == "Finance Officer"
    assert role.person.consent_to_contact is False
    services.contact_end(role=role, by=officer_a, on=date(2030, 1, 1))
    with pytest.raises(MembersError, match="already ended"):
        services.contact_end(role=role, by=officer_a, on=date(2030, 1, 2))


def test_an_officer_cannot_touch_another_organisations_contacts(officer_a, org_b):
    role = RoleFactory(organisation=org_b)
    with pytest.raises(Refused):
        services.contact_update(
            role=role, by=officer_a, contact=replace(ContactDetails.of(role), full_name="Changed")
        )
    with pytest.raises(Refused):
        services.contact_end(role=role, by=officer_a, on=date(2030, 1, 1))
    with pytest.raises(Refused):
        services.contact_add(
            organisation=org_b,
            by=officer_a,
            contact=ContactDetails(full_name="X", kind=RoleKind.OFFICER),
        )
    role.person.refresh_from_db()
    assert role.person.full_name != "Changed"


def test_a_role_ended_today_no_longer_holds_today(officer_a, org_a):
    """The period rule counts the end date as held; ending a role today records yesterday."""
    today = timezone.localdate()
    role = RoleFactory(organisation=org_a, start=today - timedelta(days=30))
    assert Role.objects.current_on(today).filter(pk=role.pk).exists()
    services.contact_end(role=role, by=officer_a, on=today)
    role.refresh_from_db()
    assert role.end == today - timedelta(days=1)
    assert not Role.objects.current_on(today).filter(pk=role.pk).exists()
    assert Role.objects.current_on(today - timedelta(days=1)).filter(pk=role.pk).exists()
