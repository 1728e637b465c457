"""Importing organisations: created, updated or matched, and refused row by row."""

from __future__ import annotations

import pytest

from coopnet.core.actors import System
from coopnet.members.importing import organisations_import
from coopnet.members.models import Organisation, OrganisationKind
from coopnet.members.tests.factories import OrganisationFactory
from coopnet.members.tests.importing.helpers import (
    OLDHAM,
    ORG_HEADER,
    SADDLEWORTH,
    csv_file,
    refused,
    registry,
)

pytestmark = pytest.mark.django_db


def test_organisations_are_created_with_their_local_authority_links():
    report = organisations_import(
        data=csv_file(
            ORG_HEADER,
            OLDHAM,
            SADDLEWORTH,
            "coop-party,Co-operative Party,affiliate_organisation,,,,hello@example.org,,,,no",
        ),
        by=System("tests"),
    )
    assert report.ok, report.errors
    assert (report.created, report.updated) == (3, 0)
    oldham = Organisation.objects.get(slug="oldham")
    assert oldham.local_authority_id == "OLD"
    assert oldham.website == "https://www.oldham.gov.uk"
    assert Organisation.objects.get(slug="saddleworth").area_authority_id == "OLD"
    assert Organisation.objects.get(slug="coop-party").is_public is False
    assert oldham.history.count() == 1


def test_reimporting_the_same_file_updates_and_never_duplicates():
    data = csv_file(ORG_HEADER, OLDHAM, SADDLEWORTH)
    organisations_import(data=data, by=System("tests"))
    again = organisations_import(data=data, by=System("tests"))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    renamed = organisations_import(
        data=csv_file(ORG_HEADER, OLDHAM.replace("Oldham Council", "Oldham MBC")),
        by=System("tests"),
    )
    assert (renamed.created, renamed.updated) == (0, 1)
    assert Organisation.objects.count() == 2
    assert Organisation.objects.get(slug="oldham").name == "Oldham MBC"


def test_a_council_is_matched_by_its_la_code_even_under_a_new_slug(org_a):
    report = organisations_import(
        data=csv_file("slug,name,kind,la_code", "oldham-mbc,Oldham MBC,principal_council,old"),
        by=System("tests"),
    )
    assert report.updated == 1
    org_a.refresh_from_db()
    assert (org_a.slug, org_a.name) == ("oldham-mbc", "Oldham MBC")
    assert Organisation.objects.count() == 1


def test_a_column_left_out_keeps_the_value_and_an_empty_cell_clears_it():
    OrganisationFactory(slug="coop", phone="0161 000", email="a@example.org")
    organisations_import(
        data=csv_file("slug,name,kind,email", "coop,Co-op,affiliate_organisation,"),
        by=System("tests"),
    )
    org = Organisation.objects.get(slug="coop")
    assert (org.phone, org.email) == ("0161 000", "")


def test_a_dry_run_reports_and_writes_nothing(org_a):
    before = registry()
    report = organisations_import(
        data=csv_file(ORG_HEADER, OLDHAM, SADDLEWORTH), by=System("tests"), dry_run=True
    )
    assert report.ok
    assert not report.written
    assert (report.created, report.updated) == (1, 1)  # Oldham is matched by la_code
    assert "Dry run" in report.summary()
    assert registry() == before


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            "x,X,borough,,,,,,,,",
            "Row 3, column “kind”: Unknown kind “borough”. The kinds are: "
            + ", ".join(OrganisationKind.values)
            + ".",
        ),
        (
            "x,X,principal_council,ZZZ,,,,,,,",
            "Row 3, column “la_code”: No UK local authority has the code “ZZZ”.",
        ),
        (
            "x,X,local_council,,ZZZ,,,,,,",
            "Row 3, column “area_la_code”: No UK local authority has the code “ZZZ”.",
        ),
        (
            "x,X,principal_council,,,,,,,,",
            "Row 3, column “la_code”: A principal council must be linked to its local authority.",
        ),
        (
            "x,X,combined_authority,MAN,,,,,,,",
            "Row 3, column “la_code”: Manchester City Council is a metropolitan district, "
            "not a combined authority.",
        ),
        (
            "x,X,affiliate_organisation,MAN,,,,,,,",
            "Row 3, column “la_code”: Only a principal council or a combined authority is itself "
            "a local authority; give the council area instead.",
        ),
        (
            "oldham,X,affiliate_organisation,,,,,,,,",
            "Row 3, column “slug”: “oldham” is already in row 2 of this file.",
        ),
        (
            "x,X,principal_council,OLD,,,,,,,",
            "Row 3, column “la_code”: “OLD” is already in row 2 of this file.",
        ),
        ("x,,affiliate_organisation,,,,,,,,", "Row 3, column “name”: This field is required."),
        (
            "not a slug,X,affiliate_organisation,,,,,,,,",
            "Row 3, column “slug”: Enter a valid “slug” consisting of letters, numbers, "
            "underscores or hyphens.",
        ),
        (
            "x,X,affiliate_organisation,,,,not-an-email,,,,",
            "Row 3, column “email”: Enter a valid email address.",
        ),
        ("x,X,affiliate_organisation,,,,,,,,maybe", "Row 3, column “is_public”: Write yes or no."),
        (
            "x,X,affiliate_organisation,,,,,,,,,surplus",
            "Row 3: This row has more cells than the header.",
        ),
    ],
)
def test_an_invalid_organisation_row_refuses_the_whole_file(row, message):
    refused(organisations_import, csv_file(ORG_HEADER, OLDHAM, row), message)
    assert not Organisation.objects.exists()


def test_a_missing_required_column_and_an_unknown_column_are_named():
    refused(
        organisations_import,
        csv_file("slug,name,webiste", "x,X,https://example.org"),
        "Row 1, column “kind”: This required column is missing.",
        "Row 1, column “webiste”: Unknown column. The columns are: slug, name, kind, la_code, "
        "area_la_code, website, email, phone, description, registered_id, is_public, address.",
    )


def test_a_slug_that_belongs_to_another_council_is_refused(org_a, org_b):
    refused(
        organisations_import,
        csv_file("slug,name,kind,la_code", f"{org_b.slug},Oldham,principal_council,OLD"),
        f"Row 2, column “slug”: The slug “{org_b.slug}” belongs to {org_b.name}, "
        f"not to {org_a.name}.",
    )


def test_a_council_cannot_be_moved_to_another_local_authority(org_a):
    refused(
        organisations_import,
        csv_file("slug,name,kind,la_code", f"{org_a.slug},Manchester,principal_council,MAN"),
        f"Row 2, column “la_code”: {org_a.name} is linked to local authority OLD.",
    )


def test_a_kind_its_memberships_do_not_allow_is_refused(org_a):
    refused(
        organisations_import,
        csv_file("slug,name,kind,la_code", f"{org_a.slug},Oldham,political_group,"),
        "Row 2, column “kind”: "
        "This kind of organisation (political group) cannot hold Full membership.",
    )
