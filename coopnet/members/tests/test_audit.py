"""Every registry write leaves an audit entry; staff read and export an organisation's or a
person's trail, nobody else can."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date

import pytest
from django.urls import reverse

from coopnet.core.actors import System
from coopnet.core.audit import AuditEntry, audit_trail_for
from coopnet.core.guard import Refused
from coopnet.members import services
from coopnet.members.models import RoleKind
from coopnet.members.tests.factories import OrganisationFactory, category

pytestmark = pytest.mark.django_db


def _profile_edit(org, officer, description="Run by its residents"):
    services.organisation_update_profile(
        organisation=org,
        by=officer,
        profile=replace(services.OrganisationProfile.of(org), description=description),
    )


def test_an_officers_profile_edit_is_in_the_organisations_trail(org_a, officer_a):
    _profile_edit(org_a, officer_a)
    entry = audit_trail_for(org_a).get(action="organisation.profile_changed")
    assert entry.user == officer_a
    assert entry.changes == {"description": "Run by its residents"}


def test_a_contact_added_is_in_the_trail_of_the_organisation_and_of_the_person(org_a, officer_a):
    role = services.contact_add(
        organisation=org_a,
        by=officer_a,
        contact=services.ContactDetails(full_name="Ada Lovelace", kind=RoleKind.CONTACT),
    )
    assert audit_trail_for(org_a).filter(action="contact.added").exists()
    assert audit_trail_for(role.person).filter(action="contact.added").exists()


def test_a_command_writes_as_the_named_system_job(org_b):
    services.membership_end(
        membership=org_b.memberships.get(),
        end=date(2030, 7, 31),
        reason="Left",
        by=System("import_memberships"),
    )
    entry = audit_trail_for(org_b).get(action="membership.ended")
    assert entry.user is None
    assert entry.system_job == "import_memberships"
    assert "import_memberships" in entry.actor_label
    # the field history says who too: no user, not the last person who happened to sign in
    assert org_b.memberships.get().history.first().history_user is None


def test_a_refused_write_leaves_no_entry(org_a, officer_b):
    before = AuditEntry.objects.count()
    with pytest.raises(Refused):
        _profile_edit(org_a, officer_b)
    assert AuditEntry.objects.count() == before


def test_a_membership_started_by_staff_is_recorded(network_admin):
    org = OrganisationFactory()
    services.membership_start(
        holder=org, category=category("affiliate"), start=date(2022, 8, 1), by=network_admin
    )
    entry = audit_trail_for(org).get(action="membership.started")
    assert entry.user == network_admin


@pytest.mark.parametrize("who", ["network_admin", "finance_officer"])
def test_staff_read_and_export_an_organisations_trail(client, request, who, org_a, officer_a):
    _profile_edit(org_a, officer_a, description='=HYPERLINK("http://evil.example")')
    client.force_login(request.getfixturevalue(who))
    page = client.get(reverse("members:organisation_audit", args=[org_a.slug]))
    assert page.status_code == 200
    assert f"Profile of {org_a.name} changed" in page.text
    assert officer_a.full_name in page.text or officer_a.email in page.text
    export = client.get(reverse("members:organisation_audit_csv", args=[org_a.slug]))
    assert export.status_code == 200
    assert export["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert any(r["action"] == "organisation.profile_changed" for r in rows)


def test_the_export_runs_no_formula_in_a_spreadsheet(client, network_admin, org_a):
    services.contact_add(
        organisation=org_a,
        by=network_admin,
        contact=services.ContactDetails(full_name="=cmd|' /C calc'!A0", kind=RoleKind.CONTACT),
    )
    client.force_login(network_admin)
    export = client.get(reverse("members:organisation_audit_csv", args=[org_a.slug]))
    cells = [c for row in csv.reader(io.StringIO(export.content.decode("utf-8-sig"))) for c in row]
    assert not any(c.startswith("=") for c in cells)


def test_staff_read_a_persons_trail(client, network_admin, org_a, officer_a):
    role = services.contact_add(
        organisation=org_a,
        by=officer_a,
        contact=services.ContactDetails(full_name="Ada Lovelace", kind=RoleKind.CONTACT),
    )
    client.force_login(network_admin)
    page = client.get(reverse("members:person_audit", args=[role.person.slug]))
    assert page.status_code == 200
    assert "Ada Lovelace added as a contact" in page.text
    export = client.get(reverse("members:person_audit_csv", args=[role.person.slug]))
    assert "contact.added" in export.content.decode("utf-8-sig")


@pytest.mark.parametrize("who", ["officer_a", "board_member", "supporter"])
@pytest.mark.parametrize("name", ["members:organisation_audit", "members:organisation_audit_csv"])
def test_nobody_else_reads_an_organisations_trail(client, request, who, name, org_a):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse(name, args=[org_a.slug])).status_code == 403


@pytest.mark.parametrize("name", ["members:person_audit", "members:person_audit_csv"])
def test_an_officer_cannot_read_a_persons_trail(client, officer_a, name):
    person = officer_a.person
    client.force_login(officer_a)
    assert client.get(reverse(name, args=[person.slug])).status_code == 403


def test_the_organisation_page_links_staff_to_the_trail(client, network_admin, officer_a, org_a):
    url = reverse("members:organisation_audit", args=[org_a.slug])
    client.force_login(officer_a)
    assert url not in client.get(org_a.get_absolute_url()).text
    client.force_login(network_admin)
    assert url in client.get(org_a.get_absolute_url()).text
