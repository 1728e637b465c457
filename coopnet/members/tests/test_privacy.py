"""A person's data rights: the subject-access export (everything, once), erasure by
anonymisation, and the retention schedule."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from coopnet.accounts.models import User
from coopnet.core.audit import audit_record
from coopnet.core.audit.models import AuditEntry
from coopnet.engagement.models import Subscriber
from coopnet.events.models import Registration
from coopnet.events.tests.factories import EventFactory, RegistrationFactory
from coopnet.members.errors import MembersError
from coopnet.members.models import Person, Role, SubjectAccessExport
from coopnet.members.privacy import services
from coopnet.members.tests.factories import PersonFactory, RoleFactory, UserFactory

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


@pytest.fixture
def jane(org_a, network_admin):
    user = UserFactory(email="jane@example.org", full_name="Jane Quillfeather")
    person = PersonFactory(
        full_name="Jane Quillfeather",
        email="jane.work@example.org",
        phone="07700 900123",
        user=user,
    )
    RoleFactory(person=person, organisation=org_a)
    RegistrationFactory(email="jane.work@example.org", name="Jane Quillfeather")
    audit_record(
        by=network_admin, action="person.updated", target=person, reason="Jane Quillfeather asked"
    )
    return person


def _build(client, person, django_capture_on_commit_callbacks, reason="Emailed on 3 March"):
    url = reverse("members:person_personal_data", args=[person.slug])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": reason})
    return response


def test_an_export_holds_everything_about_the_person_once(
    client, network_admin, jane, django_capture_on_commit_callbacks
):
    client.force_login(network_admin)
    response = _build(client, jane, django_capture_on_commit_callbacks)
    export = SubjectAccessExport.objects.get()
    assert response["Location"] == export.get_absolute_url()
    page = client.get(export.get_absolute_url()).content.decode()
    assert "The export is ready" in page
    assert export.rows >= 5
    stored = export.file.name
    assert default_storage.exists(stored)

    with django_capture_on_commit_callbacks(execute=True):
        download = client.post(reverse("members:access_export_download", args=[export.pk]))
    assert download["Content-Type"] == "application/zip"
    assert download["Cache-Control"] == "private, no-store"
    archive = zipfile.ZipFile(io.BytesIO(download.content))
    document = json.loads(archive.read("person.json"))
    records = document["records"]
    assert records["members.person"][0]["email"] == "jane.work@example.org"
    assert records["accounts.user"][0]["email"] == "jane@example.org"
    assert "password" not in records["accounts.user"][0]
    assert len(records["members.role.person"]) == 1
    assert records["events.registration.email (copied)"][0]["name"] == "Jane Quillfeather"
    assert any(e["reason"] == "Jane Quillfeather asked" for e in records["core.auditentry (about)"])
    assert "members.person.csv" in archive.namelist()
    assert "jane.work@example.org" in archive.read("members.person.csv").decode("utf-8-sig")
    # Handed over once: the file is gone, and a second download is refused with a reason.
    assert not default_storage.exists(stored)
    again = client.post(
        reverse("members:access_export_download", args=[export.pk]), follow=True
    ).content.decode()
    assert "was downloaded on" in again
    assert "Prepare a new one." in again
    export.refresh_from_db()
    assert export.state == "downloaded"
    assert export.downloaded_by == network_admin


def test_progress_is_shown_while_the_export_is_built(client, network_admin, jane):
    export = services.access_export_request(person=jane, by=network_admin, reason="Letter")
    SubjectAccessExport.objects.filter(pk=export.pk).update(state="building", done=3, total=40)
    client.force_login(network_admin)
    page = client.get(export.get_absolute_url()).content.decode()
    assert "3 of 40 kinds of record read." in page
    assert 'hx-trigger="every 2s"' in page
    refused = client.post(reverse("members:access_export_download", args=[export.pk]), follow=True)
    assert "This export is not ready to download." in refused.content.decode()


def test_a_request_needs_its_reason(client, network_admin, jane):
    client.force_login(network_admin)
    page = client.post(
        reverse("members:person_personal_data", args=[jane.slug]), {"reason": " "}
    ).content.decode()
    assert "There is a problem" in page
    assert not SubjectAccessExport.objects.exists()


def test_only_the_network_admin_handles_personal_data(client, officer_a, finance_officer, jane):
    export = services.access_export_request(
        person=jane, by=UserFactory(roles=["network_admin"]), reason="Letter"
    )
    urls = [
        reverse("members:personal_data"),
        reverse("members:retention_schedule"),
        reverse("members:person_personal_data", args=[jane.slug]),
        reverse("members:person_erase", args=[jane.slug]),
        export.get_absolute_url(),
    ]
    for user in (officer_a, finance_officer):
        client.force_login(user)
        for url in urls:
            assert client.get(url).status_code == 403, url
        assert (
            client.post(reverse("members:access_export_download", args=[export.pk])).status_code
            == 403
        )
        with pytest.raises(PermissionDenied):
            services.person_erase(person=jane, by=user, reason="x", confirm=jane.full_name)
    client.logout()
    assert client.get(urls[0])["Location"].startswith(reverse("account_login"))


def test_staff_find_the_person_by_name_or_address(client, network_admin, jane):
    client.force_login(network_admin)
    page = client.get(reverse("members:personal_data"), {"q": "jane.work@"}).content.decode()
    assert reverse("members:person_personal_data", args=[jane.slug]) in page
    page = client.get(reverse("members:personal_data"), {"q": "nobody-like-this"}).content.decode()
    assert "Nobody's name or email address contains that." in page


def test_erasure_removes_the_person_everywhere_and_keeps_the_records(
    client, network_admin, jane, django_capture_on_commit_callbacks
):
    client.force_login(network_admin)
    _build(client, jane, django_capture_on_commit_callbacks)
    export = SubjectAccessExport.objects.get()
    stored = export.file.name
    url = reverse("members:person_erase", args=[jane.slug])
    page = client.post(url, {"confirm": "Jane", "reason": "Asked to be forgotten"}).content.decode()
    assert "Type the person&#x27;s full name exactly as shown to confirm." in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"confirm": "jane quillfeather", "reason": "Asked to be forgotten"}, follow=True
        )
    page = response.content.decode()
    assert "The person&#x27;s details were erased." in page
    assert "1 records that copied their details" in page

    person = Person.objects.get(pk=jane.pk)
    assert person.erased_at is not None
    assert person.display_name == "Erased person"
    assert (person.email, person.phone, person.is_public) == ("", "", False)
    assert Role.objects.filter(person=person).count() == 1  # the record keeps its shape
    for old in Person.history.filter(id=person.pk):
        assert "Quillfeather" not in old.full_name
        assert old.email == ""
        assert old.phone == ""
    user = User.objects.get(pk=jane.user_id)
    assert not user.is_active
    assert user.email.endswith("@erased.invalid")
    assert user.full_name == ""
    assert not client.login(email="jane@example.org", password=PASSWORD)
    booking = Registration.objects.get()
    assert booking.name == ""
    assert booking.email.endswith("@erased.invalid")
    assert all("Quillfeather" not in h.name for h in booking.history.all())
    about = AuditEntry.objects.filter(action="person.updated").get()
    assert "Quillfeather" not in about.summary
    assert "Quillfeather" not in about.reason
    assert not default_storage.exists(stored)
    assert SubjectAccessExport.objects.get().state == "expired"
    erased = AuditEntry.objects.get(action="person.erased")
    assert erased.reason == "Asked to be forgotten"
    assert erased.user == network_admin
    # Nothing is left to export, and it cannot be done twice.
    with pytest.raises(MembersError):
        services.access_export_request(person=person, by=network_admin, reason="Letter")
    with pytest.raises(MembersError, match="erased already"):
        services.person_erase(
            person=person, by=network_admin, reason="again", confirm=person.full_name
        )


def test_nobody_erases_themselves(network_admin):
    me = PersonFactory(user=network_admin, full_name="Ada Admin")
    with pytest.raises(MembersError, match="cannot erase yourself"):
        services.person_erase(person=me, by=network_admin, reason="x", confirm="Ada Admin")
    assert Person.objects.get(pk=me.pk).erased_at is None


def test_retention_counts_on_a_dry_run_and_then_applies(capsys, jane):
    now = timezone.now()
    old_event = EventFactory(starts_at=now - timedelta(days=400), ends_at=now - timedelta(days=399))
    old_booking = RegistrationFactory(event=old_event, email="guest@example.org", name="Guest Name")
    recent = RegistrationFactory(email="recent@example.org", name="Recent Name")
    stale = Subscriber.objects.create(email="stale@example.org", status="pending", origin="signup")
    Subscriber.objects.filter(pk=stale.pk).update(created_at=now - timedelta(days=31))
    fresh = Subscriber.objects.create(email="fresh@example.org", status="pending", origin="signup")

    call_command("apply_retention", "--dry-run")
    dry = capsys.readouterr().out
    assert "events.bookings_by_email: 1 would be personal details removed" in dry
    assert "engagement.unconfirmed_subscribers: 1 would be deleted" in dry
    assert Subscriber.objects.filter(pk=stale.pk).exists()
    assert Registration.objects.get(pk=old_booking.pk).name == "Guest Name"
    assert not AuditEntry.objects.filter(action="retention.applied").exists()

    call_command("apply_retention")
    out = capsys.readouterr().out
    assert "events.bookings_by_email: 1 were personal details removed" in out
    assert not Subscriber.objects.filter(pk=stale.pk).exists()
    assert Subscriber.objects.filter(pk=fresh.pk).exists()
    kept = Registration.objects.get(pk=old_booking.pk)
    assert kept.name == ""
    assert kept.email.endswith("@erased.invalid")
    assert Registration.objects.get(pk=recent.pk).name == "Recent Name"
    assert AuditEntry.objects.filter(action="retention.applied").count() == 2
    call_command("apply_retention")
    assert "Retention: 0 records changed." in capsys.readouterr().out


def test_an_unread_export_is_deleted_after_a_week(
    network_admin, jane, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        export = services.access_export_request(person=jane, by=network_admin, reason="Letter")
    export.refresh_from_db()
    stored = export.file.name
    assert default_storage.exists(stored)
    SubjectAccessExport.objects.filter(pk=export.pk).update(
        finished_at=timezone.now() - timedelta(days=8)
    )
    call_command("apply_retention")
    export.refresh_from_db()
    assert export.state == "expired"
    assert not default_storage.exists(stored)


def test_the_schedule_page_lists_every_rule(client, network_admin):
    from coopnet.core.personal_data import retention_rules

    client.force_login(network_admin)
    page = client.get(reverse("members:retention_schedule")).content.decode()
    for rule in retention_rules():
        assert str(rule.title).replace("'", "&#x27;") in page
