"""Importing membership periods: created or updated, and refused row by row."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from coopnet.core.actors import System
from coopnet.members.importing import memberships_import
from coopnet.members.models import Membership, OrganisationKind
from coopnet.members.tests.factories import CouncilFactory, OrganisationFactory, PersonFactory
from coopnet.members.tests.importing.helpers import MS_HEADER, csv_file, refused, registry

pytestmark = pytest.mark.django_db


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
        by=System("tests"),
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
    memberships_import(data=data, by=System("tests"))
    assert memberships_import(data=data, by=System("tests")).unchanged == 1
    ended = memberships_import(
        data=csv_file(MS_HEADER, "old,,full,2021-08-01,2023-07-31,Left,,"), by=System("tests")
    )
    assert (ended.created, ended.updated) == (0, 1)
    assert Membership.objects.get().end == date(2023, 7, 31)


def test_a_membership_dry_run_writes_nothing(holders):
    before = registry()
    report = memberships_import(
        data=csv_file(MS_HEADER, "old,,full,2021-08-01,,,,"), by=System("tests"), dry_run=True
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
        by=System("tests"),
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
