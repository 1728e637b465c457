"""A person chooses the language their emails are written in; the emails the site sends them,
its own and allauth's, follow it."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from coopnet.accounts.models import User
from coopnet.core.audit.models import AuditEntry

pytestmark = pytest.mark.django_db

URL = "/accounts/language/"
WELSH_RESET_SUBJECT = "E-bost ailosod cyfrinair"


def test_the_page_is_for_signed_in_people_only(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_person_chooses_welsh_and_is_told_so_on_their_account_page(client, officer_a):
    client.force_login(officer_a)
    dashboard = client.get(reverse("site:dashboard"))
    assert URL in dashboard.text
    page = client.get(URL)
    assert "Which language should we write to you in?" in page.text
    assert 'value="cy"' in page.text
    response = client.post(URL, {"language": "cy"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("site:dashboard")
    assert "Your emails will be written in: Welsh." in response.text
    officer_a.refresh_from_db()
    assert officer_a.language == "cy"
    entry = AuditEntry.objects.get(action="account.email_language_changed")
    assert entry.changes == {"language": "cy"}
    # Back to no choice at all.
    client.post(URL, {"language": ""})
    officer_a.refresh_from_db()
    assert officer_a.language == ""


def test_a_language_the_site_does_not_have_is_refused_with_a_message(client, officer_a):
    client.force_login(officer_a)
    response = client.post(URL, {"language": "fr"})
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "Select a valid choice" in response.text
    officer_a.refresh_from_db()
    assert officer_a.language == ""


def test_a_password_reset_is_written_in_the_language_the_person_chose(client, officer_a):
    from coopnet.members.tests.factories import UserFactory

    User.objects.filter(pk=officer_a.pk).update(language="cy")
    other = UserFactory(email="ann@example.org")  # chose nothing: the page's language, English
    for user in (officer_a, other):
        client.post(reverse("account_reset_password"), {"email": user.email})
    welsh, english = mail.outbox
    assert (welsh.to, english.to) == ([officer_a.email], [other.email])
    assert english.subject.endswith("Password Reset Email")
    assert welsh.subject.endswith(WELSH_RESET_SUBJECT)
