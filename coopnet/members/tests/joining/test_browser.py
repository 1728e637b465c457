"""Joining the network in Chromium, with axe-core on every page.

The last test is the issue's "Done means": a new council applies, is approved, receives its
invoice and welcome pack, pays, and appears in the registry and its counts.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.core import mail

from conftest import PASSWORD
from coopnet.members.models import Application

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _link_in(body: object, base_url: str) -> str:
    match = re.search(r"https?://\S+/join/[-\w]+/", str(body))
    assert match, body
    return re.sub(r"^https?://[^/]+", base_url, match.group(0))


def apply_as_wigan(bp) -> str:
    """Fill in the whole journey as Wigan Council; return the application's link."""
    bp.visit("/join/")
    with bp.page.expect_navigation():  # a link styled (and announced) as a start button
        bp.page.get_by_role("button", name="Start now").click()
    bp.check()
    bp.submit("Continue")  # nothing chosen: refused with a summary
    assert bp.page.locator(".govuk-error-summary").is_visible()
    assert bp.page.title().startswith("Error:")
    bp.page.get_by_label("A council or combined authority").check()
    bp.page.get_by_label("Full name").fill("Carys Pugh")
    bp.page.get_by_label("Email address").fill("carys.pugh@wigan.example")
    bp.page.get_by_label("Job title or role").fill("Policy Officer")
    bp.submit("Continue")
    link = _link_in(mail.outbox[-1].body, bp.base_url)
    assert "We have emailed a link" in bp.page.locator(".govuk-notification-banner").inner_text()

    bp.follow("The organisation")
    # 398 councils: type-to-search (accessible-autocomplete), not a long select.
    assert bp.page.locator("select#id_local_authority-select").is_hidden()
    bp.page.get_by_label("Your council").fill("Wigan")
    bp.page.get_by_role("option", name="Wigan Metropolitan Borough Council").click()
    bp.page.get_by_label("Full – UK principal councils and combined authorities.").check()
    bp.submit("Save and continue")

    bp.follow("Contacts")
    bp.page.get_by_label("Invoice contact: full name").fill("Ifan Morgan")
    bp.page.get_by_label("Invoice contact: email address").fill("invoices@wigan.example")
    bp.page.get_by_label("Purchase order reference").fill("PO-4471")
    bp.page.get_by_label("Voting contact: full name").fill("Cllr Sian Rees")
    bp.page.get_by_label("Voting contact: email address").fill("sian.rees@wigan.example")
    bp.submit("Save and come back later")  # save and return: back to the task list
    assert "Your answers have been saved" in bp.page.content()

    # come back later through the emailed link, as someone without an account would
    bp.page.context.clear_cookies()
    bp.visit(link)
    bp.follow("Self-assessment against the principles")
    for number in range(1, 11):
        assert f"Principle {number} of 10" in bp.page.content()
        bp.page.get_by_label("Developing").check()
        bp.page.get_by_label("Tell us briefly what you do, or plan to do").fill(
            f"Our practice against principle {number}."
        )
        bp.submit("Save and continue")
    bp.follow("Check your answers and send")
    assert "Wigan Metropolitan Borough Council" in bp.page.content()
    bp.submit("Accept and send")
    assert "Confirm the answers before you send the application" in bp.page.content()
    bp.page.get_by_label(
        "I confirm the answers are correct and I may apply on the applicant's behalf"
    ).check()
    bp.submit("Accept and send")
    assert bp.page.locator(".govuk-panel__title").inner_text() == "Application sent"
    assert "received the application" in mail.outbox[-1].subject
    return link


def test_a_council_applies_is_asked_a_question_and_answers(browser_page, network_admin):
    bp = browser_page
    link = apply_as_wigan(bp)
    bp.sign_in(network_admin.email, PASSWORD)
    bp.visit("/join/applications/")
    assert "10 of 10 principles" in bp.page.content()
    bp.follow("Wigan Metropolitan Borough Council")
    assert "Our practice against principle 7." in bp.page.content()
    bp.follow("Ask for more information")
    bp.submit("Send question")
    assert bp.page.locator(".govuk-error-summary").is_visible()
    bp.page.get_by_label("What do you need to know?").fill("Who leads on co-production?")
    bp.submit("Send question")
    assert "emailed to the applicant" in bp.page.content()
    assert "Who leads on co-production?" in mail.outbox[-1].body

    bp.page.context.clear_cookies()
    bp.visit(link)
    bp.follow("Answer the question")
    bp.page.get_by_label("Your answer").fill("Our Cabinet Member for Communities.")
    bp.submit("Send answer")
    assert "Your answer has been sent" in bp.page.content()

    bp.sign_in(network_admin.email, PASSWORD)
    application = Application.objects.get()
    bp.visit(f"/join/applications/{application.pk}/decline/")
    bp.page.get_by_label("Reason for declining").fill("Please apply after your budget is set.")
    bp.submit("Decline application")
    assert "Please apply after your budget is set." in mail.outbox[-1].body
    bp.page.context.clear_cookies()
    bp.visit(link)
    assert "Please apply after your budget is set." in bp.page.content()
    bp.submit("Cymraeg – change language")
    assert bp.page.locator("html").get_attribute("lang") == "cy"
    bp.visit("/join/")
    bp.visit("/join/apply/")


def test_a_new_council_applies_is_approved_invoiced_pays_and_is_counted(
    browser_page, network_admin, finance_officer, org_a, finance_ready
):
    from coopnet.core.figures import set_coverage

    set_coverage("members-full", date(2000, 1, 1))  # the records are complete: counts show
    bp = browser_page
    # Tests send email with the immediate task backend, so approving renders the welcome pack and
    # the invoice PDFs inside the request: allow the page more time than the default.
    bp.page.set_default_navigation_timeout(90_000)
    bp.visit("/")
    assert "1 council" in bp.page.locator(".coopnet-headline").inner_text()
    link = apply_as_wigan(bp)

    # the network admin approves it
    bp.sign_in(network_admin.email, PASSWORD)
    bp.visit("/join/applications/")
    bp.follow("Wigan Metropolitan Borough Council")
    bp.follow("Approve")
    bp.submit("Approve application")
    assert "is now a member" in bp.page.locator(".govuk-notification-banner").inner_text()

    # the welcome email carries the pack; the contacts are invited; the invoice is raised
    welcome = next(m for m in mail.outbox if m.subject.startswith("Welcome to the"))
    assert welcome.attachments[0][2] == "application/pdf"
    invited = {m.to[0] for m in mail.outbox if "/accounts/invitation/" in m.body}
    assert invited == {
        "carys.pugh@wigan.example",
        "invoices@wigan.example",
        "sian.rees@wigan.example",
    }
    invoice_mail = [m for m in mail.outbox if "invoices@wigan.example" in m.to and m.attachments]
    assert invoice_mail, [m.subject for m in mail.outbox]
    from coopnet.finance.models import Invoice

    invoice = Invoice.objects.get(organisation__local_authority_id="WGN")
    assert invoice.purchase_order == "PO-4471"

    # the applicant downloads the welcome pack through their link
    bp.page.context.clear_cookies()
    bp.visit(link)
    assert "Download the welcome pack (PDF)" in bp.page.content()
    pdf = bp.page.request.get(link + "welcome-pack.pdf")
    assert pdf.ok
    assert pdf.body().startswith(b"%PDF")

    # the finance officer records the payment
    bp.sign_in(finance_officer.email, PASSWORD)
    bp.visit(f"/finance/invoices/{invoice.reference}/")
    bp.follow("Record a payment")
    bp.page.get_by_label("Date received").fill(date.today().isoformat())
    bp.page.get_by_label("Amount received (£)").fill(str(invoice.total))
    bp.page.get_by_label("Payment reference").fill("BACS WIGAN")
    bp.submit("Record payment")
    assert "The payment has been recorded" in bp.page.content()
    assert "Paid" in bp.page.locator("main").inner_text()

    # Wigan is in the registry, and in its counts
    bp.page.context.clear_cookies()
    bp.visit("/")
    assert "2 councils" in bp.page.locator(".coopnet-headline").inner_text()
    bp.visit("/members/?q=Wigan")
    bp.follow("Wigan Metropolitan Borough Council")
    assert "member since" in bp.page.content()
