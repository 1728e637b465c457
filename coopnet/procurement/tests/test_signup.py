"""A supplier new to the registry applies without an account: all or nothing, clear refusals."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.urls import reverse

from coopnet.accounts.models import Invitation
from coopnet.members.models import Organisation, OrganisationKind
from coopnet.procurement import services
from coopnet.procurement.models import CategoryDecision, CommunicationLog, SupplierApplication

from .factories import NO_GROUNDS, SupplierFactory

pytestmark = pytest.mark.django_db


def _data(category, **change):
    data = {
        "name": "Brand New Consulting Ltd",
        "companies_house_number": "12345678",
        "website": "https://brand-new.example.org",
        "contact_name": "Rhian Jones",
        "contact_job_title": "Director",
        "contact_email": "rhian@brand-new.example.org",
        "categories": [category.pk],
        **{f"ground_{k}": "no" for k in NO_GROUNDS},
        f"q_{category.pk}_experience": "Policy work for two councils.",
        f"q_{category.pk}_insurance": "£2m professional indemnity.",
    }
    data.update(change)
    return data


def _url(category) -> str:
    return reverse("procurement:new_supplier", kwargs={"slug": category.arrangement.slug})


def test_a_new_supplier_applies_without_an_account_and_confirms_by_email(
    client, category, django_capture_on_commit_callbacks, network_admin
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(category), _data(category))
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Your application is received" in page
    assert "rhian@brand-new.example.org" in page
    organisation = Organisation.objects.get(name="Brand New Consulting Ltd")
    assert organisation.kind == OrganisationKind.SUPPLIER
    assert organisation.registered_id == "12345678"
    application = SupplierApplication.objects.get(organisation=organisation)
    assert application.decisions.get().category == category
    invitation = Invitation.objects.get(email="rhian@brand-new.example.org")
    assert invitation.organisation == organisation
    assert [m.to for m in mail.outbox] == [["rhian@brand-new.example.org"]]
    # Following the link makes the account, which then manages the supplier and its application.
    link = re.search(r"https?://\S+", mail.outbox[0].body)
    assert link is not None
    path = re.sub(r"^https?://[^/]+", "", link.group(0))
    assert client.get(path).status_code == 200
    client.post(
        path,
        {"password1": "a long enough passphrase 42", "password2": "a long enough passphrase 42"},
    )
    invitation.refresh_from_db()
    assert invitation.accepted_user is not None
    client.force_login(invitation.accepted_user)
    assert client.get(application.get_absolute_url()).status_code == 200


def test_the_decision_reaches_the_contact_before_anyone_manages_the_supplier(
    client, category, network_admin
):
    client.post(_url(category), _data(category))
    decision = CategoryDecision.objects.get()
    services.application_decide(decision=decision, admit=True, reasons="Good.", by=network_admin)
    log = CommunicationLog.objects.get(kind=CommunicationLog.Kind.DECISION)
    assert log.recipients == "rhian@brand-new.example.org"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"companies_house_number": "1234"}, "Enter a Companies House number of 8 characters"),
        ({"contact_email": "not-an-email"}, "Enter a valid email address."),
        ({"name": ""}, "This field is required."),
        ({"categories": []}, "This field is required."),
    ],
)
def test_a_bad_form_is_refused_and_nothing_is_made(client, category, change, message):
    response = client.post(_url(category), _data(category, **change))
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert message in page
    assert not Organisation.objects.filter(name="Brand New Consulting Ltd").exists()
    assert not SupplierApplication.objects.exists()
    assert not Invitation.objects.exists()


def test_an_unanswered_question_refuses_everything(client, category):
    response = client.post(_url(category), _data(category, **{f"q_{category.pk}_insurance": ""}))
    assert f"Answer every question for {category.name}." in response.content.decode()
    assert not Organisation.objects.filter(name="Brand New Consulting Ltd").exists()
    assert not Invitation.objects.exists()


def test_an_organisation_already_in_the_registry_is_sent_to_sign_in(client, category):
    SupplierFactory(name="Brand New Consulting Ltd")
    response = client.post(_url(category), _data(category, name="brand new  consulting ltd"))
    assert "is already in the registry" in response.content.decode()
    SupplierFactory(name="Other name", registered_id="12345678")
    response = client.post(_url(category), _data(category, name="Another Ltd"))
    assert "Other name is already in the registry" in response.content.decode()
    assert not SupplierApplication.objects.exists()
    assert not Invitation.objects.exists()


def test_an_email_with_an_account_or_a_waiting_invitation_is_refused(client, category, officer_a):
    response = client.post(_url(category), _data(category, contact_email=officer_a.email.upper()))
    assert "An account already uses that email address" in response.content.decode()
    client.post(_url(category), _data(category))
    again = client.post(
        _url(category), _data(category, name="Second Ltd", companies_house_number="")
    )
    assert "An invitation to that email address is already waiting" in again.content.decode()
    assert SupplierApplication.objects.count() == 1


def test_a_closed_arrangement_refuses_and_makes_nothing(client, category):
    arrangement = category.arrangement
    arrangement.end = arrangement.start
    arrangement.save()
    response = client.post(_url(category), _data(category))
    assert "not open to applications" in response.content.decode()
    assert not Organisation.objects.filter(name="Brand New Consulting Ltd").exists()


def test_a_signed_in_person_is_sent_to_the_usual_form(client, category, officer_a):
    client.force_login(officer_a)
    response = client.get(_url(category))
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "procurement:apply", kwargs={"slug": category.arrangement.slug}
    )


def test_the_form_in_welsh(client, category):
    client.cookies["django_language"] = "cy"
    page = client.get(_url(category), HTTP_ACCEPT_LANGUAGE="cy").content.decode()
    assert "Gwneud cais fel cyflenwr sy&#x27;n newydd i&#x27;r rhwydwaith" in page or (
        "Gwneud cais fel cyflenwr sy'n newydd i'r rhwydwaith" in page
    )
