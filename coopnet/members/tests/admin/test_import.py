"""The back office's import pages: who may import, preview, confirm and refuse."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coopnet.members.models import Membership, Organisation
from coopnet.members.tests.factories import MembershipFactory, category

pytestmark = pytest.mark.django_db

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
