"""A call-off end to end in Chromium, with axe-core on every page: a supplier applies and is
admitted within the clock, a member council issues a call-off, two suppliers tender, the tenders
open only at the deadline, one is awarded and the other is told."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from conftest import PASSWORD
from coopnet.members.tests.factories import PersonFactory, RoleFactory, UserFactory
from coopnet.procurement.models import Admission, CallOff, SupplierApplication

from .factories import AdmissionFactory, CategoryFactory, SupplierFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in_as(bp, user):
    bp.page.context.clear_cookies()
    return bp.sign_in(user.email, PASSWORD)


def manager(organisation):
    user = UserFactory()
    person = PersonFactory(user=user, full_name=user.full_name, email=user.email)
    RoleFactory(person=person, organisation=organisation, manages_profile=True)
    return user


def test_apply_admit_call_off_tender_open_award(browser_page, network_admin, officer_a, org_a):
    bp = browser_page
    page = bp.page
    category = CategoryFactory(name="Policy development")
    arrangement = category.arrangement
    applicant = SupplierFactory(name="Made Open")
    applicant_user = manager(applicant)
    rival = AdmissionFactory(category=category, organisation=SupplierFactory(name="Peopletoo"))
    rival_user = manager(rival.organisation)

    # The supplier applies.
    sign_in_as(bp, applicant_user)
    bp.visit(arrangement.get_absolute_url())
    bp.follow("Apply to join")
    page.get_by_label("Organisation applying").select_option(label="Made Open")
    page.get_by_label("Companies House number (if it has one)").fill("SC123456")
    page.get_by_label("Policy development", exact=True).check()
    for question in category.questions:
        page.get_by_label(f"Policy development: {question['text']}").fill("Ten years of it.")
    for ground in ("convictions", "tax", "insolvency", "misconduct", "poor_performance"):
        page.locator(f"input[name=ground_{ground}][value=no]").check()
    bp.submit("Send the application")
    assert "Your application is received" in page.content()

    # Staff see it in the queue, within its clock, and admit it.
    sign_in_as(bp, network_admin)
    bp.visit("/procurement/evaluation/")
    assert "Overdue" not in page.locator("main").inner_text()
    bp.follow("Made Open")
    page.get_by_label("Admit", exact=True).check()
    page.get_by_label("Reasons", exact=True).fill("Strong evidence for every question.")
    bp.submit("Record the decision")
    assert Admission.objects.filter(organisation=applicant, category=category).exists()
    assert any("is admitted" in m.body for m in mail.outbox)

    # A member council issues a call-off; both admitted suppliers are invited.
    sign_in_as(bp, officer_a)
    bp.visit(arrangement.get_absolute_url())
    bp.follow("Start a call-off")
    page.get_by_label("Buying organisation").select_option(label=org_a.name)
    page.get_by_label("Category").select_option(label="Policy development")
    page.get_by_label("Title").fill("Community wealth building review")
    page.get_by_label("Requirement").fill("Review our procurement spend.")
    page.get_by_label("Budget (£)").fill("15000")
    page.get_by_label("Award criteria").fill("Quality: 60\nPrice: 40")
    deadline = timezone.localtime() + timedelta(days=14)
    page.get_by_label("Tender deadline").fill(deadline.strftime("%d/%m/%Y %H:%M"))
    bp.submit("Save the draft")
    bp.submit("Issue to every admitted supplier")
    assert "2 suppliers are invited" in page.content()
    call_off = CallOff.objects.get()

    # Two suppliers tender before the deadline.
    for user, price in ((applicant_user, "12000"), (rival_user, "9000")):
        sign_in_as(bp, user)
        bp.visit(call_off.get_absolute_url())
        bp.follow("Submit a tender")
        page.get_by_label("Your response to the requirement").fill(f"Our plan at £{price}.")
        page.get_by_label("Price (£)").fill(price)
        bp.submit("Submit the tender")
        assert "It stays sealed until the deadline" in page.content()

    # Before the deadline the buyer sees who tendered, never what; nothing opens.
    sign_in_as(bp, officer_a)
    bp.visit(call_off.get_absolute_url())
    assert "Our plan" not in page.content()
    assert page.get_by_role("button", name="Open the tenders").count() == 0

    # The deadline passes.
    CallOff.objects.filter(pk=call_off.pk).update(
        tender_deadline=timezone.now() - timedelta(minutes=1)
    )
    bp.visit(call_off.get_absolute_url())
    bp.submit("Open the tenders")
    assert "Our plan at £12000." in page.content()
    criteria = list(call_off.criteria.all())
    for tender, marks in ((0, ("9", "6")), (1, ("6", "9"))):
        form = page.locator("main form").nth(tender)
        for criterion, mark in zip(criteria, marks, strict=True):
            form.get_by_label(f"{criterion.name} ({criterion.weight}%)").fill(mark)
        with page.expect_navigation():
            form.get_by_role("button", name="Save the scores").click()
        bp.check()
    page.get_by_label("Made Open").check()
    page.get_by_label("Reasons for the award").fill("Best quality.")
    bp.submit("Award and tell every tenderer")
    assert "Records kept until at least" in page.content()

    told = [
        m for m in mail.outbox if m.to == [rival_user.email] and m.subject.startswith("Outcome")
    ]
    assert len(told) == 1
    assert "Total: 72.00 out of 100" in told[0].body  # Peopletoo: 6*6 + 9*4
    assert "Total: 78.00 out of 100" in told[0].body  # Made Open's: 9*6 + 6*4


def test_a_new_supplier_signs_up_confirms_by_email_and_staff_record_a_notice(
    browser_page, network_admin
):
    bp = browser_page
    page = bp.page
    category = CategoryFactory(name="Capacity building")
    arrangement = category.arrangement

    # Someone from an organisation the network does not know applies without an account.
    bp.visit(arrangement.get_absolute_url())
    bp.follow("Apply as a supplier new to the network")
    page.get_by_label("Organisation's name").fill("Brand New Consulting Ltd")
    page.get_by_label("Companies House number (if it has one)").fill("12345678")
    page.get_by_label("Your full name").fill("Rhian Jones")
    page.get_by_label("Your email address").fill("rhian@brand-new.example.org")
    page.get_by_label("Capacity building", exact=True).check()
    for question in category.questions:
        page.get_by_label(f"Capacity building: {question['text']}").fill("Two councils.")
    for ground in ("convictions", "tax", "insolvency", "misconduct", "poor_performance"):
        page.locator(f"input[name=ground_{ground}][value=no]").check()
    bp.submit("Send the application")
    assert "We have sent a link to" in page.content()

    # The link confirms the address and makes the account, which follows the application.
    link = next(m for m in mail.outbox if m.to == ["rhian@brand-new.example.org"])
    path = "/" + link.body.split("://", 1)[1].split("/", 1)[1].split()[0]
    bp.visit(path)
    page.locator("input[name=password1]").fill("a long enough passphrase 42")
    page.locator("input[name=password2]").fill("a long enough passphrase 42")
    bp.submit("Create account")
    assert "Your account is ready" in page.content()
    application = SupplierApplication.objects.get(organisation__name="Brand New Consulting Ltd")
    bp.visit(application.get_absolute_url())
    assert "Capacity building" in page.content()

    # Staff record the notice published for the arrangement, and correct it.
    sign_in_as(bp, network_admin)
    bp.visit(arrangement.get_absolute_url())
    bp.follow("Record or change the notices")
    page.get_by_label("Notice", exact=True).fill("Contract notice")
    page.get_by_label("Reference", exact=True).fill("2020/S 064-151234")
    page.get_by_label("Published on").fill("27/03/2020")
    bp.submit("Record the notice")
    assert "2020/S 064-151234" in page.content()
    page.get_by_role("link", name="Change 2020/S 064-151234").click()
    page.wait_for_load_state()
    bp.check()
    page.get_by_label("Reference", exact=True).fill("2020/S 064-151235")
    bp.submit("Save the notice")
    bp.visit(arrangement.get_absolute_url())
    assert "2020/S 064-151235" in page.content()
