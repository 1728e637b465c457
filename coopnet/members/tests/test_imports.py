"""Registry imports: every row or none, refusals that name the row and column, and round trips."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from coopnet.members.importing import memberships_import, organisations_import
from coopnet.members.models import Membership, Organisation, OrganisationKind
from coopnet.members.tests.factories import (
    CouncilFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    category,
)

pytestmark = pytest.mark.django_db

ORG_HEADER = (
    "slug,name,kind,la_code,area_la_code,website,email,phone,description,registered_id,is_public"
)
OLDHAM = "oldham,Oldham Council,principal_council,OLD,,https://www.oldham.gov.uk,,,,,yes"
SADDLEWORTH = "saddleworth,Saddleworth Parish Council,local_council,,OLD,,,,,,yes"
MS_HEADER = "organisation,person,category,start,end,end_reason,source,start_is_approximate"


def csv_file(*lines: str, bom: bool = False) -> bytes:
    text = "\r\n".join(lines) + "\r\n"
    return ("\ufeff" if bom else "").encode() + text.encode("utf-8")


def registry() -> tuple[Any, ...]:
    """Everything an import could write, including history, to show nothing was."""
    orgs = list(Organisation.objects.order_by("pk").values_list())
    memberships = list(Membership.objects.order_by("pk").values_list())
    history = Organisation.history.count(), Membership.history.count()
    return orgs, memberships, *history


def refused(importer: Any, data: bytes, *messages: str) -> None:
    """The file is refused with these messages, and the registry is exactly as it was."""
    before = registry()
    report = importer(data=data, by=None)
    texts = [str(e) for e in report.errors]
    for message in messages:
        assert message in texts, texts
    assert not report.written
    assert registry() == before


# --- organisations -------------------------------------------------------------------------------


def test_organisations_are_created_with_their_local_authority_links():
    report = organisations_import(
        data=csv_file(
            ORG_HEADER,
            OLDHAM,
            SADDLEWORTH,
            "coop-party,Co-operative Party,affiliate_organisation,,,,hello@example.org,,,,no",
        ),
        by=None,
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
    organisations_import(data=data, by=None)
    again = organisations_import(data=data, by=None)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    renamed = organisations_import(
        data=csv_file(ORG_HEADER, OLDHAM.replace("Oldham Council", "Oldham MBC")), by=None
    )
    assert (renamed.created, renamed.updated) == (0, 1)
    assert Organisation.objects.count() == 2
    assert Organisation.objects.get(slug="oldham").name == "Oldham MBC"


def test_a_council_is_matched_by_its_la_code_even_under_a_new_slug(org_a):
    report = organisations_import(
        data=csv_file("slug,name,kind,la_code", "oldham-mbc,Oldham MBC,principal_council,old"),
        by=None,
    )
    assert report.updated == 1
    org_a.refresh_from_db()
    assert (org_a.slug, org_a.name) == ("oldham-mbc", "Oldham MBC")
    assert Organisation.objects.count() == 1


def test_a_column_left_out_keeps_the_value_and_an_empty_cell_clears_it():
    OrganisationFactory(slug="coop", phone="0161 000", email="a@example.org")
    organisations_import(
        data=csv_file("slug,name,kind,email", "coop,Co-op,affiliate_organisation,"), by=None
    )
    org = Organisation.objects.get(slug="coop")
    assert (org.phone, org.email) == ("0161 000", "")


def test_a_dry_run_reports_and_writes_nothing(org_a):
    before = registry()
    report = organisations_import(
        data=csv_file(ORG_HEADER, OLDHAM, SADDLEWORTH), by=None, dry_run=True
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


# --- the file itself -----------------------------------------------------------------------------


def test_a_file_with_a_byte_order_mark_is_read():
    report = organisations_import(data=csv_file(ORG_HEADER, OLDHAM, bom=True), by=None)
    assert report.ok, report.errors
    assert Organisation.objects.filter(slug="oldham").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("slug,name,kind\r\nx,Ynys Môn,affiliate_organisation\r\n".encode("latin-1"), "not UTF-8"),
        ("slug,name,kind\r\n".encode("utf-16"), "not UTF-8"),
        (b"slug,name,kind\r\nx,\x00,y\r\n", "binary data"),
        (b"", "The file is empty."),
        (b"slug,name,kind\r\n", "The file has a header but no rows to import."),
    ],
)
def test_a_file_that_is_not_a_utf8_csv_is_refused_with_a_clear_message(data, message):
    report = organisations_import(data=data, by=None)
    assert any(message in str(e) for e in report.errors), report.errors
    assert not Organisation.objects.exists()


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.IMPORT_MAX_BYTES = 100
    data = csv_file(ORG_HEADER, OLDHAM, SADDLEWORTH)
    assert len(data) > 100
    refused(organisations_import, data, "The file is too big: the limit is 100\xa0bytes.")


def test_cells_that_a_spreadsheet_would_run_round_trip_harmlessly():
    OrganisationFactory(slug="x", name="=HYPERLINK(1)", phone="+44 161 000", description="'quoted")
    out = io.StringIO()
    call_command("export_organisations", stdout=out)
    assert "'=HYPERLINK(1)" in out.getvalue()
    Organisation.objects.all().delete()
    report = organisations_import(data=out.getvalue().encode(), by=None)
    assert report.ok, report.errors
    org = Organisation.objects.get(slug="x")
    assert (org.name, org.phone, org.description) == ("=HYPERLINK(1)", "+44 161 000", "'quoted")


def test_only_users_allowed_to_import_may_call_the_import(finance_officer, network_admin):
    with pytest.raises(PermissionError):
        organisations_import(data=csv_file(ORG_HEADER, OLDHAM), by=finance_officer)
    assert organisations_import(data=csv_file(ORG_HEADER, OLDHAM), by=network_admin).written
    assert Organisation.history.get().history_user == network_admin


# --- memberships ---------------------------------------------------------------------------------


@pytest.fixture
def holders(db: Any) -> None:
    CouncilFactory(la_code="OLD")
    OrganisationFactory(slug="coop-party", kind=OrganisationKind.AFFILIATE_ORGANISATION)
    OrganisationFactory(slug="town", kind=OrganisationKind.LOCAL_COUNCIL)
    PersonFactory(slug="jo-bloggs")


def test_memberships_are_created_for_organisations_councils_and_individuals(holders):
    report = memberships_import(
        data=csv_file(
            MS_HEADER,
            "OLD,,full,2012-07-01,2020-07-31,Left,Review 2019/20,yes",
            "old,,full,2021-08-01,,,,",
            "coop-party,,affiliate,2020-08-01,,,,",
            ",jo-bloggs,supporter,2022-01-01,,,,",
        ),
        by=None,
    )
    assert report.ok, report.errors
    assert report.created == 4
    ended = Membership.objects.get(organisation__slug="old", start=date(2012, 7, 1))
    assert (ended.end, ended.end_reason, ended.source) == (
        date(2020, 7, 31),
        "Left",
        "Review 2019/20",
    )
    assert ended.start_is_approximate is True
    assert Membership.objects.get(person__slug="jo-bloggs").category.code == "supporter"


def test_reimporting_memberships_updates_the_period_with_the_same_start(holders):
    data = csv_file(MS_HEADER, "old,,full,2021-08-01,,,,")
    memberships_import(data=data, by=None)
    assert memberships_import(data=data, by=None).unchanged == 1
    ended = memberships_import(
        data=csv_file(MS_HEADER, "old,,full,2021-08-01,2023-07-31,Left,,"), by=None
    )
    assert (ended.created, ended.updated) == (0, 1)
    assert Membership.objects.get().end == date(2023, 7, 31)


def test_a_membership_dry_run_writes_nothing(holders):
    before = registry()
    report = memberships_import(
        data=csv_file(MS_HEADER, "old,,full,2021-08-01,,,,"), by=None, dry_run=True
    )
    assert report.ok
    assert report.created == 1
    assert not report.written
    assert registry() == before


GOOD = "old,,full,2012-07-01,2020-07-31,,,"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            "old,,gold,2021-08-01,,,,",
            "Row 3, column “category”: Unknown category “gold”. "
            "The categories are: full, associate, affiliate, supporter.",
        ),
        (
            "old,,full,2021-02-30,,,,",
            "Row 3, column “start”: Enter a date as YYYY-MM-DD, for example 2022-07-31.",
        ),
        (
            "old,,full,01/08/2021,,,,",
            "Row 3, column “start”: Enter a date as YYYY-MM-DD, for example 2022-07-31.",
        ),
        (
            "old,,full,2021-08-01,2021-07-31,,,",
            "Row 3, column “end”: The end date is before the start date.",
        ),
        (
            "old,,full,2020-01-01,,,,",
            "Row 3, column “start”: It overlaps the membership in row 2 of this file.",
        ),
        (
            "old,,associate,2021-08-01,,,,",
            "Row 3, column “category”: "
            "This kind of organisation (principal council) cannot hold Associate membership.",
        ),
        (
            "town,,full,2021-08-01,,,,",
            "Row 3, column “category”: "
            "This kind of organisation (town, parish or community council) "
            "cannot hold Full membership.",
        ),
        (
            ",jo-bloggs,full,2021-08-01,,,,",
            "Row 3, column “category”: An individual cannot hold Full membership.",
        ),
        (
            "nowhere,,full,2021-08-01,,,,",
            "Row 3, column “organisation”: No organisation has the slug or la_code “nowhere”.",
        ),
        (
            ",nobody,supporter,2021-08-01,,,,",
            "Row 3, column “person”: No person has the slug “nobody”.",
        ),
        (
            "old,jo-bloggs,full,2021-08-01,,,,",
            "Row 3, column “organisation”: "
            "A membership belongs to an organisation or to a person, not both.",
        ),
        (
            ",,full,2021-08-01,,,,",
            "Row 3, column “organisation”: "
            "Give the organisation (slug or la_code) or, for an individual, the person.",
        ),
        (
            "OLD,,full,2012-07-01,,,,",
            "Row 3, column “start”: Row 2 has the same holder and start date.",
        ),
        (
            "old,,full,2021-08-01,,,,perhaps",
            "Row 3, column “start_is_approximate”: Write yes or no.",
        ),
    ],
)
def test_an_invalid_membership_row_refuses_the_whole_file(holders, row, message):
    refused(memberships_import, csv_file(MS_HEADER, GOOD, row), message)
    assert not Membership.objects.exists()


def test_a_period_overlapping_one_in_the_registry_is_refused(org_a):
    refused(
        memberships_import,
        csv_file(MS_HEADER, "old,,full,2019-01-01,2019-12-31,,,", "old,,full,2021-08-01,,,,"),
        "Row 3, column “start”: It overlaps another membership from 2020-08-01 to now.",
    )


def test_a_period_may_be_corrected_by_the_row_that_updates_it(org_a):
    """The recorded period being updated is replaced by its row, so it cannot overlap itself."""
    report = memberships_import(
        data=csv_file(
            MS_HEADER, "old,,full,2020-08-01,2021-07-31,Left,,", "old,,full,2021-08-01,,,,"
        ),
        by=None,
    )
    assert report.ok, report.errors
    assert (report.updated, report.created) == (1, 1)


@pytest.mark.parametrize(
    ("header", "row", "message"),
    [
        (
            "organisation,category,end",
            "old,full,2021-08-01",
            "Row 1, column “start”: This required column is missing.",
        ),
        (
            "category,start",
            "full,2021-08-01",
            "Row 1, column “organisation”: "
            "The file needs an organisation column, a person column, or both.",
        ),
    ],
)
def test_a_membership_file_without_its_columns_is_refused(holders, header, row, message):
    refused(memberships_import, csv_file(header, row), message)


# --- commands and the round trip -----------------------------------------------------------------


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
