"""The import and export commands, and an export imported into an empty registry."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from coopnet.members.models import Membership, Organisation, OrganisationKind
from coopnet.members.tests.factories import (
    CouncilFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    category,
)
from coopnet.members.tests.importing.helpers import MS_HEADER, OLDHAM, ORG_HEADER, csv_file

pytestmark = pytest.mark.django_db


def test_the_import_command_refuses_a_bad_file_listing_its_errors(tmp_path):
    path = tmp_path / "orgs.csv"
    path.write_bytes(csv_file(ORG_HEADER, OLDHAM, "x,X,borough,,,,,,,,"))
    err = io.StringIO()
    with pytest.raises(CommandError, match="Nothing was written"):
        call_command("import_organisations", str(path), stderr=err)
    assert "Row 3, column “kind”: Unknown kind “borough”" in err.getvalue()
    assert not Organisation.objects.exists()


def test_the_import_command_dry_run_writes_nothing_then_imports(tmp_path):
    path = tmp_path / "orgs.csv"
    path.write_bytes(csv_file(ORG_HEADER, OLDHAM))
    out = io.StringIO()
    call_command("import_organisations", str(path), "--dry-run", "-v", "2", stdout=out)
    assert "Dry run: 1 to create" in out.getvalue()
    assert "Row 2: Create Oldham Council (oldham)" in out.getvalue()
    assert not Organisation.objects.exists()
    call_command("import_organisations", str(path), stdout=out)
    assert Organisation.objects.filter(slug="oldham").exists()


def test_the_import_command_names_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_memberships", str(tmp_path / "missing.csv"))


def _registry_by_key() -> tuple[set[Any], set[Any]]:
    orgs = set(
        Organisation.objects.values_list(
            "slug",
            "name",
            "kind",
            "local_authority_id",
            "area_authority_id",
            "website",
            "email",
            "phone",
            "description",
            "registered_id",
            "is_public",
            "address",
        )
    )
    memberships = set(
        Membership.objects.values_list(
            "organisation__slug",
            "person__slug",
            "category__code",
            "start",
            "end",
            "end_reason",
            "source",
            "start_is_approximate",
        )
    )
    return orgs, memberships


def test_export_then_import_into_an_empty_registry_reproduces_it(tmp_path):
    oldham = CouncilFactory(
        la_code="OLD", website="https://www.oldham.gov.uk", phone="0161 770 3000"
    )
    gmca = OrganisationFactory(
        slug="gmca",
        name="GMCA",
        kind=OrganisationKind.COMBINED_AUTHORITY,
        local_authority_id="GMCA",
        description='Line one,\nline two "quoted"',
    )
    town = OrganisationFactory(
        slug="town",
        name="Town Council",
        kind=OrganisationKind.LOCAL_COUNCIL,
        area_authority_id="OLD",
        is_public=False,
        address="1 High St\nOldham",
    )
    coop = OrganisationFactory(slug="coop", name="Café Coöp", registered_id="GB-COH-01234567")
    person = PersonFactory(slug="jo-bloggs")
    MembershipFactory(
        organisation=oldham,
        category=category("full"),
        start=date(2012, 7, 1),
        end=date(2020, 7, 31),
        end_reason="Left",
        source="Review",
        start_is_approximate=True,
    )
    MembershipFactory(organisation=oldham, category=category("full"), start=date(2021, 8, 1))
    MembershipFactory(organisation=gmca, category=category("full"), start=date(2019, 8, 1))
    MembershipFactory(organisation=town, category=category("associate"), start=date(2020, 8, 1))
    MembershipFactory(organisation=coop, category=category("affiliate"), start=date(2020, 8, 1))
    MembershipFactory(
        organisation=None, person=person, category=category("supporter"), start=date(2022, 1, 1)
    )
    before = _registry_by_key()

    orgs_csv, ms_csv = tmp_path / "orgs.csv", tmp_path / "ms.csv"
    call_command("export_organisations", "-o", str(orgs_csv))
    call_command("export_memberships", "-o", str(ms_csv))
    Membership.objects.all().delete()
    Organisation.objects.all().delete()

    call_command("import_organisations", str(orgs_csv), stdout=io.StringIO())
    call_command("import_memberships", str(ms_csv), stdout=io.StringIO())
    assert _registry_by_key() == before
    # and importing the same export again changes nothing
    out = io.StringIO()
    call_command("import_memberships", str(ms_csv), stdout=out)
    assert "0 created, 0 updated, 6 unchanged" in out.getvalue()


def test_export_to_standard_output_has_the_documented_header(org_a):
    out = io.StringIO()
    call_command("export_memberships", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == MS_HEADER
    assert lines[1] == "old,,full,2020-08-01,,,,no"


def test_the_import_command_refuses_a_file_over_the_size_limit(tmp_path, settings):
    settings.IMPORT_MAX_BYTES = 10
    path = tmp_path / "orgs.csv"
    path.write_bytes(csv_file(ORG_HEADER, OLDHAM))
    with pytest.raises(CommandError, match="The file is too big"):
        call_command("import_organisations", str(path))
    assert not Organisation.objects.exists()
