"""Governance pages: what each visitor sees, refusals as the user meets them, pinned queries."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core import mail
from django.urls import reverse
from pypdf import PdfReader

from coopnet.governance import services
from coopnet.governance.models import Constituency, Minutes
from coopnet.governance.tests.factories import SYSTEM
from coopnet.members.tests.factories import MembershipFactory, OrganisationFactory, category

from .conftest import appoint, held_meeting, quorate, seat

pytestmark = pytest.mark.django_db


def body_url(slug: str = "eoc", on: str = "") -> str:
    return reverse("governance:body", kwargs={"slug": slug}) + (f"?on={on}" if on else "")


def test_body_page_shows_members_vacancies_and_purpose(client, eoc, org_a):
    s = seat(eoc, constituency=Constituency.FULL, office="chair")
    a = appoint(s, org_a, start=date(2021, 1, 1))
    page = client.get(body_url()).content.decode()
    assert a.person.display_name in page
    assert "1 of 12 places filled; 11 vacant." in page
    assert page.count('govuk-tag--grey">Vacancy') == 11
    assert "seven purposes" in page
    assert "annual accounts" in page


def test_body_page_as_at_a_date_is_shareable(client, eoc, org_a):
    s = seat(eoc, constituency=Constituency.FULL)
    old = appoint(s, org_a, start=date(2021, 1, 1), end=date(2021, 12, 31))
    new = appoint(s, org_a, start=date(2022, 1, 1))
    page = client.get(body_url(on="2021-06-30")).content.decode()
    assert "Members on 30 June 2021" in page
    assert old.person.display_name in page
    assert new.person.display_name not in page
    page = client.get(body_url(on="not-a-date")).content.decode()
    assert "Enter a valid date" in page
    assert new.person.display_name in page  # falls back to today


def test_people_who_are_not_public_are_not_named(client, eoc, org_a):
    from coopnet.members.tests.factories import PersonFactory

    hidden = PersonFactory(full_name="Quiet Person", is_public=False)
    appoint(seat(eoc, constituency=Constituency.FULL), org_a, person=hidden)
    page = client.get(body_url()).content.decode()
    assert "Quiet Person" not in page
    assert "has not chosen to be named" in page


@pytest.mark.parametrize("rows", [2, 50])
def test_body_page_queries_do_not_grow(client, eoc, org_a, rows, django_assert_max_num_queries):
    full = seat(eoc, constituency=Constituency.FULL)
    full.places = 60
    full.save()
    for _ in range(rows):
        appoint(full, org_a)
    with django_assert_max_num_queries(6):
        response = client.get(body_url())
    assert response.status_code == 200


def test_body_page_is_remembered_for_signed_in_people_but_never_stale(
    client, supporter, network_admin, eoc, org_a
):
    from coopnet.members.tests.factories import PersonFactory

    s = seat(eoc, constituency=Constituency.FULL)
    client.force_login(supporter)
    before = client.get(body_url()).text
    assert "1 of 12 places filled" not in before
    appoint(s, org_a, person=PersonFactory(full_name="Newly Elected", is_public=True))
    after = client.get(body_url()).text  # the appointment moved the public version on
    assert "Newly Elected" in after
    assert "1 of 12 places filled; 11 vacant." in after
    assert "Appoint to a seat" not in after

    client.force_login(network_admin)  # the same page, for someone who manages the bodies
    assert "Appoint to a seat" in client.get(body_url()).text


def test_unknown_body_is_404(client, eoc):
    assert client.get(body_url("nope")).status_code == 404


def test_appointment_refusal_is_shown_in_the_error_summary(client, network_admin, eoc):
    client.force_login(network_admin)
    associate = OrganisationFactory(name="Town Council", slug="town-council")
    MembershipFactory(organisation=associate, category=category("associate"))
    from coopnet.members.tests.factories import PersonFactory

    person = PersonFactory(slug="ann-other")
    response = client.post(
        reverse("governance:appointment_add", kwargs={"slug": "eoc"}),
        {
            "seat": seat(eoc, constituency=Constituency.FULL).pk,
            "person": person.pk,
            "organisation": associate.pk,
            "how": "elected",
            "start": "2021-01-01",
        },
    )
    assert response.status_code == 200
    assert "is not in the Full members category" in response.content.decode()
    assert "govuk-error-summary" in response.content.decode()


def test_appointment_added_by_staff(client, network_admin, eoc, org_a):
    client.force_login(network_admin)
    from coopnet.members.tests.factories import PersonFactory

    person = PersonFactory(slug="new-member")
    response = client.post(
        reverse("governance:appointment_add", kwargs={"slug": "eoc"}),
        {
            "seat": seat(eoc, constituency=Constituency.FULL).pk,
            "person": person.pk,
            "organisation": org_a.pk,
            "how": "elected",
            "start": "2021-01-01",
        },
    )
    assert response.status_code == 302
    assert person.appointments.count() == 1


def test_board_member_sees_drafts_of_their_body_and_the_public_does_not(
    client, board_member, eoc_member, meeting_with_minutes
):
    url = reverse("governance:minutes", kwargs={"pk": meeting_with_minutes.pk})
    response = client.get(url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    client.force_login(board_member)
    assert "Draft" in client.get(url).content.decode()


def test_others_signed_in_are_refused_drafts(client, supporter, meeting_with_minutes):
    client.force_login(supporter)
    url = reverse("governance:minutes", kwargs={"pk": meeting_with_minutes.pk})
    assert client.get(url).status_code == 403
    assert (
        client.get(
            reverse("governance:meeting", kwargs={"pk": meeting_with_minutes.pk})
        ).status_code
        == 403
    )


def _publish(meeting, eoc):
    services.minutes_circulate(meeting=meeting, by=SYSTEM)
    later = held_meeting(eoc, days_ago=1, title="Next")
    item = services.agenda_item_add(
        meeting=later, title="Minutes", approves_minutes_of=meeting, by=SYSTEM
    )
    quorate(later, meeting.attendances.first().person)
    services.minutes_approve(meeting=meeting, at_item=item, by=SYSTEM)
    services.minutes_publish(meeting=meeting, by=SYSTEM)


def test_published_minutes_are_public_in_html_and_pdf(client, eoc, meeting_with_minutes):
    _publish(meeting_with_minutes, eoc)
    url = reverse("governance:minutes", kwargs={"pk": meeting_with_minutes.pk})
    page = client.get(url).content.decode()
    assert "The budget was agreed." in page
    assert "Approved at Next" in page
    response = client.get(reverse("governance:minutes_pdf", kwargs={"pk": meeting_with_minutes.pk}))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "The budget was agreed." in text
    assert "Published" in text
    listing = client.get(reverse("governance:meetings", kwargs={"slug": "eoc"})).content.decode()
    assert meeting_with_minutes.title in listing
    assert "Next" not in listing
    api = client.get(reverse("api:meeting-list")).json()
    assert [m["title"] for m in api["results"]] == [meeting_with_minutes.title]


def test_circulating_without_attendance_shows_the_reason(client, network_admin, eoc):
    client.force_login(network_admin)
    meeting = held_meeting(eoc)
    response = client.post(
        reverse("governance:minutes_circulate", kwargs={"pk": meeting.pk}), follow=True
    )
    assert "Record who attended before circulating the minutes." in response.content.decode()
    assert meeting.minutes.status == Minutes.Status.DRAFT


def test_circulating_says_who_was_emailed_or_that_nobody_was(
    client, network_admin, eoc_member, meeting_with_minutes, django_capture_on_commit_callbacks
):
    client.force_login(network_admin)
    url = reverse("governance:minutes_circulate", kwargs={"pk": meeting_with_minutes.pk})
    eoc_member.email = ""
    eoc_member.save()
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(url, follow=True).content.decode()
    assert "nobody was emailed: none of those recorded as present has an email address" in page
    assert "sent to those who attended" not in page
    assert mail.outbox == []


def test_circulating_names_the_people_emailed(
    client, network_admin, eoc_member, meeting_with_minutes, django_capture_on_commit_callbacks
):
    client.force_login(network_admin)
    eoc_member.email = "eoc.member@example.org"
    eoc_member.save()
    url = reverse("governance:minutes_circulate", kwargs={"pk": meeting_with_minutes.pk})
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(url, follow=True).content.decode()
    assert f"emailed for comment to {eoc_member.display_name}." in page
    assert [m.to for m in mail.outbox] == [["eoc.member@example.org"]]


def test_an_attendee_comments_on_circulated_minutes(
    client, board_member, eoc_member, meeting_with_minutes
):
    services.minutes_circulate(meeting=meeting_with_minutes, by=SYSTEM)
    client.force_login(board_member)
    response = client.post(
        reverse("governance:minutes_comment", kwargs={"pk": meeting_with_minutes.pk}),
        {"text": "Please add the figures."},
        follow=True,
    )
    page = response.content.decode()
    assert "Your comment has been recorded." in page
    assert "Please add the figures." in page


def test_paper_upload_refuses_non_pdf(client, network_admin, eoc):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(network_admin)
    meeting = held_meeting(eoc)
    item = services.agenda_item_add(meeting=meeting, title="Item", by=SYSTEM)
    response = client.post(
        reverse("governance:paper_add", kwargs={"pk": meeting.pk, "item": item.pk}),
        {"title": "Paper", "file": SimpleUploadedFile("x.pdf", b"not a pdf")},
    )
    assert "Papers must be PDF files." in response.content.decode()


def test_photo_upload_checks_the_image(client, network_admin, eoc_member):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    client.force_login(network_admin)
    url = reverse("governance:member_photo", kwargs={"slug": eoc_member.slug})
    response = client.post(url, {"photo": SimpleUploadedFile("x.png", b"nope"), "alt": "x"})
    assert "must be a JPEG, PNG or WebP image" in response.content.decode()
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buf, "PNG")
    response = client.post(url, {"photo": SimpleUploadedFile("x.png", buf.getvalue()), "alt": ""})
    assert "Describe the photo" in response.content.decode()
    response = client.post(
        url, {"photo": SimpleUploadedFile("x.png", buf.getvalue()), "alt": "Head and shoulders"}
    )
    assert response.status_code == 302
    assert eoc_member.governance_profile.photo


def test_action_log_is_for_members_of_the_body_and_staff(
    client, board_member, supporter, eoc_member, eoc
):
    url = reverse("governance:actions", kwargs={"slug": "eoc"})
    client.force_login(supporter)
    assert client.get(url).status_code == 403
    client.force_login(board_member)
    assert client.get(url).status_code == 200


def test_api_appointments_on_a_date(client, eoc, org_a):
    s = seat(eoc, constituency=Constituency.FULL)
    appoint(s, org_a, start=date(2021, 1, 1), end=date(2021, 12, 31))
    appoint(s, org_a, start=date(2022, 1, 1))
    url = reverse("api:appointment-list")
    assert client.get(url).json()["count"] == 2
    assert client.get(url + "?on=2021-06-01").json()["count"] == 1
    assert client.get(url + "?on=2021-13-01").status_code == 400
    body = client.get(reverse("api:body-detail", kwargs={"slug": "eoc"})).json()
    assert body["places"] == 12
    assert len(body["seats"]) == 7
