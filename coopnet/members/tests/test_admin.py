"""The back office: who may import, the import page's preview and confirm, exports, the registry's
rules on membership forms, and changelists whose cost does not grow with the rows."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from coopnet.accounts.models import Invitation
from coopnet.accounts.roles import UserRole
from coopnet.core.models import ReportedFigure
from coopnet.members.models import (
    CouncilBudget,
    Membership,
    Organisation,
    OrganisationKind,
)
from coopnet.members.tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    RoleFactory,
    UserFactory,
    category,
)

pytestmark = pytest.mark.django_db

PRINCIPLE_QUERIES = 5
ORG_IMPORT = reverse("admin:members_organisation_import")
MS_IMPORT = reverse("admin:members_membership_import")
ORG_CSV = (
    b"slug,name,kind,la_code\r\n"
    b"oldham,Oldham Council,principal_council,OLD\r\n"
    b"coop,Co-op Party,affiliate_organisation,\r\n"
)


def upload(
    data: bytes, name: str = "registry.csv", content_type: str = "text/csv"
) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


# --- who may import ------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [ORG_IMPORT, MS_IMPORT])
def test_anonymous_visitor_is_sent_to_sign_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.parametrize("who", ["finance_officer", "officer_a", "board_member"])
@pytest.mark.parametrize("url", [ORG_IMPORT, MS_IMPORT])
def test_only_network_admins_may_import(client, role_users, who, url):
    client.force_login(role_users[who])
    assert client.get(url).status_code == 403
    assert client.post(url, {"file": upload(ORG_CSV)}).status_code == 403
    assert not Organisation.objects.filter(slug="oldham").exists()


def test_the_import_link_shows_only_to_those_who_may_import(client, network_admin, finance_officer):
    changelist = reverse("admin:members_organisation_changelist")
    client.force_login(network_admin)
    assert ORG_IMPORT in client.get(changelist).content.decode()
    client.force_login(finance_officer)
    page = client.get(changelist)
    assert page.status_code == 200
    assert ORG_IMPORT not in page.content.decode()


# --- preview, confirm, refuse --------------------------------------------------------------------


def test_network_admin_previews_then_confirms_an_import(client, network_admin):
    client.force_login(network_admin)
    assert client.get(ORG_IMPORT).status_code == 200
    preview = client.post(ORG_IMPORT, {"file": upload(ORG_CSV)})
    assert preview.status_code == 200
    assert "Dry run: 2 to create, 0 to update, 0 unchanged." in preview.content.decode()
    assert not Organisation.objects.exists()

    confirmed = client.post(
        ORG_IMPORT, {"content": preview.context["content"], "confirm": "on"}, follow=True
    )
    assert confirmed.redirect_chain[-1][0] == reverse("admin:members_organisation_changelist")
    assert "Imported: 2 created, 0 updated, 0 unchanged." in confirmed.content.decode()
    assert set(Organisation.objects.values_list("slug", flat=True)) == {"oldham", "coop"}
    assert Organisation.history.filter(history_user=network_admin).count() == 2


def test_an_invalid_file_is_shown_with_row_numbered_errors_and_nothing_is_written(
    client, network_admin, org_a
):
    client.force_login(network_admin)
    data = b"organisation,category,start\r\nold,full,2019-01-01\r\nold,associate,2010-01-01\r\n"
    before = list(Membership.objects.values_list())
    response = client.post(MS_IMPORT, {"file": upload(data)})
    text = response.content.decode()
    assert response.status_code == 200
    assert "It overlaps another membership from 2020-08-01 to now." in text
    assert "This kind of organisation (principal council) cannot hold Associate membership." in text
    assert response.context["report"].errors[0].row == 2
    assert 'id="import-confirm"' not in text
    assert list(Membership.objects.values_list()) == before


def test_confirming_revalidates_the_file(client, network_admin, org_a):
    """A file that became invalid between preview and confirm is refused, not half-written."""
    client.force_login(network_admin)
    data = b"organisation,category,start,end\r\nold,full,2010-01-01,2011-01-01\r\n"
    preview = client.post(MS_IMPORT, {"file": upload(data)})
    MembershipFactory(
        organisation=org_a, category=category("full"), start=date(2009, 1, 1), end=date(2010, 6, 1)
    )
    response = client.post(MS_IMPORT, {"content": preview.context["content"], "confirm": "on"})
    assert (
        "It overlaps another membership from 2009-01-01 to 2010-06-01." in response.content.decode()
    )
    assert Membership.objects.count() == 2


@pytest.mark.parametrize(
    ("post", "message"),
    [
        ({"file": upload(ORG_CSV, name="registry.xlsx")}, "The file must be a CSV file (.csv)."),
        (
            {"file": upload(ORG_CSV, content_type="image/png")},
            "The file must be a CSV file (.csv).",
        ),
        ({"file": upload("slug,name,kind\r\nx,Môn,y\r\n".encode("cp1252"))}, "not UTF-8 text"),
        ({"file": upload(b"")}, "The submitted file is empty."),
        ({}, "Choose a CSV file to upload."),
        ({"content": "not base64!", "confirm": "on"}, "upload it again"),
    ],
)
def test_a_bad_upload_gets_a_clear_message_never_a_500(client, network_admin, post, message):
    client.force_login(network_admin)
    response = client.post(ORG_IMPORT, post)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Organisation.objects.exists()


def test_a_file_over_the_size_limit_is_refused(client, network_admin, settings):
    settings.IMPORT_MAX_BYTES = 50
    client.force_login(network_admin)
    response = client.post(ORG_IMPORT, {"file": upload(ORG_CSV)})
    assert "The file is too big" in response.content.decode()
    assert not Organisation.objects.exists()


# --- export --------------------------------------------------------------------------------------


def test_export_button_downloads_the_filtered_changelist_as_csv(client, network_admin, org_a):
    OrganisationFactory(slug="coop", name="Co-op Party")
    client.force_login(network_admin)
    url = reverse("admin:members_organisation_export") + "?kind__exact=principal_council"
    response = client.get(url)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["slug", "name", "kind", "la_code"]
    assert [r[0] for r in rows[1:]] == ["old"]


def test_export_action_downloads_the_selected_memberships(client, network_admin, org_a, org_b):
    client.force_login(network_admin)
    chosen = org_b.memberships.get()
    response = client.post(
        reverse("admin:members_membership_changelist"),
        {"action": "export_csv", "_selected_action": [chosen.pk]},
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][:4] == [org_b.slug, "", "full", "2020-08-01"]
    assert len(rows) == 2


# --- the registry's rules on the membership forms ------------------------------------------------


def _membership_post(org: Organisation, code: str, start: str, end: str = "") -> dict[str, str]:
    return {
        "organisation": str(org.pk),
        "category": str(category(code).pk),
        "start": start,
        "end": end,
        "end_reason": "",
        "source": "",
    }


@pytest.mark.parametrize(
    ("code", "start", "message"),
    [
        ("full", "2021-08-01", "It overlaps another membership from 2020-08-01 to now."),
        (
            "associate",
            "2010-01-01",
            "This kind of organisation (principal council) cannot hold Associate membership.",
        ),
    ],
)
def test_the_membership_admin_keeps_the_registry_rules(
    client, network_admin, org_a, code, start, message
):
    client.force_login(network_admin)
    response = client.post(
        reverse("admin:members_membership_add"), _membership_post(org_a, code, start)
    )
    assert response.status_code == 200
    assert message in str(response.context["adminform"].form.non_field_errors())
    assert org_a.memberships.count() == 1


def test_the_membership_admin_saves_a_valid_period(client, network_admin, org_a):
    client.force_login(network_admin)
    current = org_a.memberships.get()
    change = reverse("admin:members_membership_change", args=[current.pk])
    ended = {**_membership_post(org_a, "full", "2020-08-01", "2021-07-31"), "end_reason": "Left"}
    assert client.post(change, ended).status_code == 302
    add = reverse("admin:members_membership_add")
    assert client.post(add, _membership_post(org_a, "full", "2022-08-01")).status_code == 302
    assert org_a.memberships.count() == 2


def test_the_membership_inline_refuses_overlapping_periods(client, network_admin, org_a):
    client.force_login(network_admin)
    current = org_a.memberships.get()
    data = {
        "name": org_a.name,
        "slug": org_a.slug,
        "kind": org_a.kind,
        "local_authority": "OLD",
        "area_authority": "",
        "is_public": "on",
        "memberships-TOTAL_FORMS": "2",
        "memberships-INITIAL_FORMS": "1",
        "memberships-0-id": str(current.pk),
        "memberships-0-organisation": str(org_a.pk),
        "memberships-0-category": str(current.category_id),
        "memberships-0-start": "2020-08-01",
        "memberships-1-organisation": str(org_a.pk),
        "memberships-1-category": str(category("full").pk),
        "memberships-1-start": "2022-01-01",
        "roles-TOTAL_FORMS": "0",
        "roles-INITIAL_FORMS": "0",
    }
    response = client.post(reverse("admin:members_organisation_change", args=[org_a.pk]), data)
    assert response.status_code == 200
    assert "It overlaps another membership from" in response.content.decode()
    assert org_a.memberships.count() == 1


def test_the_organisation_admin_refuses_a_council_without_its_local_authority(
    client, network_admin
):
    client.force_login(network_admin)
    data = {
        "name": "Somewhere",
        "slug": "somewhere",
        "kind": OrganisationKind.COMBINED_AUTHORITY,
        "local_authority": "MAN",
        "is_public": "on",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
        "roles-TOTAL_FORMS": "0",
        "roles-INITIAL_FORMS": "0",
    }
    response = client.post(reverse("admin:members_organisation_add"), data)
    assert "is a metropolitan district, not a combined authority." in response.content.decode()
    assert not Organisation.objects.exists()


def test_local_authorities_are_read_only(client, network_admin):
    client.force_login(network_admin)
    assert (
        client.get(reverse("admin:members_localauthority_change", args=["OLD"])).status_code == 200
    )
    assert client.get(reverse("admin:members_localauthority_add")).status_code == 403


def test_local_authority_autocomplete_finds_councils(client, network_admin):
    client.force_login(network_admin)
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Oldham",
            "app_label": "members",
            "model_name": "organisation",
            "field_name": "local_authority",
        },
    )
    assert response.status_code == 200
    assert {"id": "OLD", "text": "Oldham Metropolitan Borough Council"} in response.json()[
        "results"
    ]


def test_invitation_tokens_are_never_shown(client, network_admin):
    invitation = Invitation.objects.create(
        email="a@example.org", full_name="A", role=UserRole.MEMBER_OFFICER, invited_by=network_admin
    )
    client.force_login(network_admin)
    page = client.get(reverse("admin:accounts_invitation_change", args=[invitation.pk]))
    assert page.status_code == 200
    assert invitation.token not in page.content.decode()


# --- changelists cost the same at 5 and 50 rows --------------------------------------------------


def _rows(n: int, admin_user: Any) -> None:
    today = timezone.localdate()
    for i in range(n):
        org: Any = OrganisationFactory(
            kind=OrganisationKind.AFFILIATE_ORGANISATION, area_authority_id="OLD"
        )
        MembershipFactory(organisation=org, start=today - timedelta(days=400 + i), end=None)
        RoleFactory(organisation=org, person=PersonFactory())
        CouncilBudget.objects.create(organisation=org, financial_year=2022, amount=1000 + i)
        ReportedFigure.objects.create(
            key="members", as_of=date(2000 + i, 7, 31), value=i, source="x"
        )
        Invitation.objects.create(
            email=f"i{i}@example.org",
            full_name="I",
            organisation=org,
            role=UserRole.MEMBER_OFFICER,
            invited_by=admin_user,
        )


# Pinned: the same number of queries whatever the number of rows.
CHANGELISTS = {
    "members_organisation": 8,
    "members_membership": 11,
    "members_person": 8,
    "members_role": 8,
    "members_councilbudget": 9,
    "members_localauthority": 10,
    "members_membershipcategory": 8,
    "accounts_invitation": 10,
    "core_reportedfigure": 11,
}


@pytest.mark.parametrize("rows", [5, 50])
@pytest.mark.parametrize(("name", "queries"), CHANGELISTS.items())
def test_changelists_cost_the_same_queries_at_5_and_50_rows(
    client, network_admin, django_assert_max_num_queries, rows, name, queries
):
    _rows(rows, network_admin)
    client.force_login(network_admin)
    url = reverse(f"admin:{name}_changelist")
    with django_assert_max_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200


def test_principles_render_for_a_superuser(client, django_assert_max_num_queries):
    """Network admins need core.view_principle in accounts/roles.py to see this page."""
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    with django_assert_max_num_queries(PRINCIPLE_QUERIES):
        response = client.get(reverse("admin:core_principle_changelist"))
    assert response.status_code == 200
    assert "Co-production" in response.content.decode()


@pytest.mark.parametrize(
    "query", ["?nation=England", "?membership=current", "?membership=ended", "?membership=never"]
)
def test_organisation_filters_render(client, network_admin, org_a, query):
    client.force_login(network_admin)
    response = client.get(reverse("admin:members_organisation_changelist") + query)
    assert response.status_code == 200


@pytest.mark.parametrize(
    "query", ["?status=current", "?status=ended", "?status=future", "?nation=Wales"]
)
def test_membership_filters_render(client, network_admin, org_a, query):
    client.force_login(network_admin)
    response = client.get(reverse("admin:members_membership_changelist") + query)
    assert response.status_code == 200


def test_change_add_and_history_pages_render_for_a_network_admin(client, network_admin, org_a):
    role: Any = RoleFactory(organisation=org_a)
    membership = org_a.memberships.get()
    budget = CouncilBudget.objects.create(organisation=org_a, financial_year=2022, amount=1)
    figure = ReportedFigure.objects.create(key="m", as_of=date(2022, 7, 31), value=1, source="x")
    client.force_login(network_admin)
    pages = [
        reverse("admin:members_organisation_change", args=[org_a.pk]),
        reverse("admin:members_organisation_history", args=[org_a.pk]),
        reverse("admin:members_organisation_add"),
        reverse("admin:members_membership_change", args=[membership.pk]),
        reverse("admin:members_membership_history", args=[membership.pk]),
        reverse("admin:members_membership_add"),
        reverse("admin:members_person_change", args=[role.person.pk]),
        reverse("admin:members_role_change", args=[role.pk]),
        reverse("admin:members_councilbudget_change", args=[budget.pk]),
        reverse("admin:members_membershipcategory_change", args=[category("full").pk]),
        reverse("admin:core_reportedfigure_change", args=[figure.pk]),
        reverse("admin:index"),
    ]
    for page in pages:
        assert client.get(page).status_code == 200, page


def test_a_network_admin_changes_which_kinds_may_hold_a_category(client, network_admin):
    client.force_login(network_admin)
    full = category("full")
    response = client.post(
        reverse("admin:members_membershipcategory_change", args=[full.pk]),
        {
            "name": "Full",
            "description": full.description,
            "counts_as_member": "on",
            "allowed_kinds": ["principal_council"],
            "order": "1",
        },
    )
    assert response.status_code == 302
    full.refresh_from_db()
    assert full.allowed_kinds == ["principal_council"]
