"""The imported file itself: its encoding and size, spreadsheet formulas, and who may import."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from coopnet.core.actors import System
from coopnet.core.guard import Refused
from coopnet.members.importing import organisations_import
from coopnet.members.models import Organisation
from coopnet.members.tests.factories import OrganisationFactory
from coopnet.members.tests.importing.helpers import (
    OLDHAM,
    ORG_HEADER,
    SADDLEWORTH,
    csv_file,
    refused,
)

pytestmark = pytest.mark.django_db


def test_a_file_with_a_byte_order_mark_is_read():
    report = organisations_import(data=csv_file(ORG_HEADER, OLDHAM, bom=True), by=System("tests"))
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
    report = organisations_import(data=data, by=System("tests"))
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
    report = organisations_import(data=out.getvalue().encode(), by=System("tests"))
    assert report.ok, report.errors
    org = Organisation.objects.get(slug="x")
    assert (org.name, org.phone, org.description) == ("=HYPERLINK(1)", "+44 161 000", "'quoted")


def test_only_users_allowed_to_import_may_call_the_import(finance_officer, network_admin):
    with pytest.raises(Refused):
        organisations_import(data=csv_file(ORG_HEADER, OLDHAM), by=finance_officer)
    assert organisations_import(data=csv_file(ORG_HEADER, OLDHAM), by=network_admin).written
    assert Organisation.history.get().history_user == network_admin
