"""import_case_studies: CSV and Excel, all or nothing, errors by row and column."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from coopnet.knowledge.importing import case_studies_import
from coopnet.knowledge.models import CaseStudy

pytestmark = pytest.mark.django_db

HEADER = "title,summary,lead,year,principles,themes,participants,body,links,status\n"


def csv_bytes(*rows: str, header: str = HEADER) -> bytes:
    return (header + "\n".join(rows) + "\n").encode("utf-8")


def good_rows(org_a, org_b) -> list[str]:
    return [
        f"Solar schools,Panels on every school,{org_a.slug},2021,co-production;learning,net-zero,"
        f'{org_b.slug},"<p>Pupils run the meters.</p>","Share offer | https://example.org/share",'
        "completed",
        f"Food hub,Surplus food shared,{org_b.slug},2023,innovation,food,,,,ongoing",
    ]


def test_a_good_file_creates_published_case_studies(org_a, org_b, tmp_path):
    path = tmp_path / "cases.csv"
    path.write_bytes(csv_bytes(*good_rows(org_a, org_b)))
    out = io.StringIO()
    call_command("import_case_studies", str(path), stdout=out)
    assert "Imported: 2 created, 0 updated, 0 unchanged." in out.getvalue()
    solar = CaseStudy.objects.get(slug="solar-schools")
    assert solar.is_published
    assert solar.lead_organisation == org_a
    assert set(solar.principles.values_list("slug", flat=True)) == {"co-production", "learning"}
    assert list(solar.participants.all()) == [org_b]
    assert solar.body_text == "Pupils run the meters."
    assert list(solar.links.values_list("title", "url")) == [
        ("Share offer", "https://example.org/share")
    ]
    assert solar.decisions.get().step == "published"


def test_importing_again_changes_nothing_and_an_edit_updates(org_a, org_b, network_admin):
    data = csv_bytes(*good_rows(org_a, org_b))
    case_studies_import(data=data, by=network_admin)
    report = case_studies_import(data=data, by=network_admin)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)
    history = CaseStudy.objects.get(slug="food-hub").history.count()
    rows = good_rows(org_a, org_b)
    rows[1] = rows[1].replace("Surplus food shared", "Surplus food shared weekly")
    report = case_studies_import(data=csv_bytes(*rows), by=network_admin)
    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    food = CaseStudy.objects.get(slug="food-hub")
    assert food.summary == "Surplus food shared weekly"
    assert food.history.count() == history + 1


def test_a_dry_run_writes_nothing(org_a, org_b, tmp_path):
    path = tmp_path / "cases.csv"
    path.write_bytes(csv_bytes(*good_rows(org_a, org_b)))
    out = io.StringIO()
    call_command("import_case_studies", str(path), "--dry-run", stdout=out)
    assert "Dry run: 2 to create" in out.getvalue()
    assert not CaseStudy.objects.exists()


def test_one_bad_row_refuses_the_whole_file_naming_row_and_column(org_a, org_b, tmp_path):
    rows = [
        *good_rows(org_a, org_b),
        "Bad one,Summary,no-such-council,2022,not-a-principle,,,,,",
        f"Bad two,Summary,{org_a.slug},1800,,,,<img src=x.png>,just text,finished",
        f"Food hub,Again,{org_a.slug},2020,,,,,,",
    ]
    path = tmp_path / "cases.csv"
    path.write_bytes(csv_bytes(*rows))
    err = io.StringIO()
    with pytest.raises(CommandError, match="The file was refused"):
        call_command("import_case_studies", str(path), stderr=err)
    errors = err.getvalue()
    assert "Row 4, column “lead”: No organisation has the slug “no-such-council”." in errors
    assert (
        "Row 4, column “principles”: No network principle has the slug “not-a-principle”." in errors
    )
    assert "Row 5, column “year”" in errors
    assert "Row 5, column “body”: Every image in the story needs alt text" in errors
    assert "Row 5, column “links”: Write each link on its own line" in errors
    assert "Row 5, column “status”: Unknown status “finished”" in errors
    assert "Row 6, column “slug”: “food-hub” is already in row 3 of this file." in errors
    assert not CaseStudy.objects.exists()


def test_a_contact_needs_consent(org_a, network_admin):
    header = "title,summary,lead,year,contact_name,contact_consent\n"
    report = case_studies_import(
        data=csv_bytes(f"T,S,{org_a.slug},2022,Jo Bloggs,no", header=header), by=network_admin
    )
    assert [str(e) for e in report.errors] == [
        "Row 2, column “contact_consent”: Confirm that the contact agrees to be named, or leave "
        "the contact details empty."
    ]
    report = case_studies_import(
        data=csv_bytes(f"T,S,{org_a.slug},2022,Jo Bloggs,yes", header=header), by=network_admin
    )
    assert report.ok
    assert CaseStudy.objects.get().contact_consent_at is not None


def test_header_problems_are_reported(org_a, network_admin):
    report = case_studies_import(data=b"title,summary,colour\nA,B,red\n", by=network_admin)
    messages = [str(e) for e in report.errors]
    assert "Row 1, column “lead”: This required column is missing." in messages
    assert any("Row 1, column “colour”: Unknown column." in m for m in messages)


def test_an_excel_workbook_imports_like_a_csv(org_a, org_b, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["title", "summary", "lead", "year", "principles", "state"])
    sheet.append(["Repair café", "Fixing, not binning", org_a.slug, 2022, "innovation", "draft"])
    sheet.append(["-20% energy use", "Kept as text", org_b.slug, 2020.0, "", ""])
    path = tmp_path / "cases.xlsx"
    workbook.save(path)
    out = io.StringIO()
    call_command("import_case_studies", str(path), stdout=out)
    assert "2 created" in out.getvalue()
    assert CaseStudy.objects.get(slug="repair-cafe").state == CaseStudy.State.DRAFT
    assert CaseStudy.objects.get(title="-20% energy use").year == 2020


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "cases.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(CommandError, match="refused"):
        call_command("import_case_studies", str(path), stderr=io.StringIO())
