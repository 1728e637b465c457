"""The joining pages as applicants and staff meet them: answers, refusals, and query counts."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from coopnet.core.membership_year import year_label, year_of
from coopnet.finance.models import Invoice
from coopnet.members.models import ApplicantType, Application, LocalAuthority, Organisation
from coopnet.members.tests.factories import category

from .helpers import affiliate_application, committed, council_application, draft

pytestmark = pytest.mark.django_db


def _page(url: str, client: Client | None = None) -> str:
    response = (client or Client()).get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_start_page_offers_every_category():
    html = _page(reverse("joining:new"))
    for label in ApplicantType.labels:
        assert str(label).replace("'", "&#x27;") in html


def test_the_journey_for_a_council(client):
    with committed():
        response = client.post(
            reverse("joining:new"),
            {
                "applicant_type": "council",
                "applicant_name": "Carys Pugh",
                "applicant_email": "carys@example.org",
            },
        )
    application = Application.objects.get()
    assert response["Location"] == reverse("joining:task_list", args=[application.token])
    assert f"/join/{application.token}/" in mail.outbox[0].body
    token = application.token
    html = _page(reverse("joining:task_list", args=[token]))
    assert "Cannot start yet" in html
    assert "0 of 10 principles answered" in html

    # councils are chosen from the reference list, never typed
    org_url = reverse("joining:organisation", args=[token])
    html = _page(org_url)
    assert '<select name="local_authority"' in html
    assert "Wigan Metropolitan Borough Council" in html
    response = client.post(
        org_url, {"local_authority": "WGN", "category": category("full").pk, "continue": ""}
    )
    assert response.status_code == 302
    response = client.post(
        reverse("joining:contacts", args=[token]),
        {
            "invoice_name": "Ifan Morgan",
            "invoice_email": "invoices@example.org",
            "voting_name": "Sian Rees",
            "voting_email": "sian@example.org",
            "save_and_return": "",
        },
    )
    assert response.status_code == 302
    for number in range(1, 11):
        response = client.post(
            reverse("joining:principle", args=[token, number]),
            {"rating": "3", "statement": f"Our practice {number}."},
        )
        assert response.status_code == 302
    assert response["Location"] == reverse("joining:task_list", args=[token])
    html = _page(reverse("joining:check", args=[token]))
    assert "Wigan Metropolitan Borough Council" in html
    assert "Our practice 10." in html
    with committed():
        response = client.post(reverse("joining:check", args=[token]), {"confirm": "on"})
    assert response.status_code == 302
    html = _page(reverse("joining:task_list", args=[token]))
    assert "Application sent" in html
    assert "received the application" in mail.outbox[-1].subject


def test_the_declaration_must_be_confirmed():
    application = council_application(submit=False)
    response = Client().post(reverse("joining:check", args=[application.token]), {})
    assert "Confirm the answers before you send the application" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Application.Status.DRAFT


def test_sending_an_incomplete_application_names_the_missing_sections():
    application = draft()
    response = Client().post(reverse("joining:check", args=[application.token]), {"confirm": "on"})
    html = response.content.decode()
    assert "Complete every section before you send the application" in html
    assert "govuk-error-summary" in html


def test_the_organisation_step_shows_refusals(org_a):
    application = draft()
    response = Client().post(
        reverse("joining:organisation", args=[application.token]),
        {"local_authority": org_a.local_authority_id, "category": category("full").pk},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "is already a Full member of the network" in html


def test_a_typed_council_name_is_not_accepted():
    application = draft()
    response = Client().post(
        reverse("joining:organisation", args=[application.token]),
        {"local_authority": "Not a council", "category": category("full").pk},
    )
    assert "Select a valid choice" in response.content.decode()


def test_a_second_application_for_the_same_council_is_refused_with_a_message():
    council_application()
    application = draft(applicant_email="other@example.org")
    response = Client().post(
        reverse("joining:organisation", args=[application.token]),
        {"local_authority": "WGN", "category": category("full").pk},
    )
    assert "already has an application waiting for a decision" in response.content.decode()


def test_a_sent_application_cannot_be_changed_through_its_pages():
    application = council_application()
    client = Client()
    response = client.get(reverse("joining:contacts", args=[application.token]))
    assert response.status_code == 302
    html = _page(response["Location"], client)
    assert "can no longer be changed" in html


def test_an_unknown_link_is_not_found():
    assert Client().get(reverse("joining:task_list", args=["x" * 43])).status_code == 404


def test_return_later_emails_links_without_saying_whether_any_exist():
    application = draft()
    mail.outbox.clear()
    for email in ("carys.pugh@example.org", "nobody@example.org"):
        response = Client().post(reverse("joining:resume"), {"email": email})
        assert "If there is an application made with" in response.content.decode()
    assert len(mail.outbox) == 1
    assert application.token in mail.outbox[0].body


def test_the_applicant_answers_a_question_through_their_link(network_admin):
    application = council_application()
    admin = Client()
    admin.force_login(network_admin)
    with committed():
        admin.post(reverse("joining:ask", args=[application.pk]), {"question": "Who is your lead?"})
    html = _page(reverse("joining:task_list", args=[application.token]))
    assert "Who is your lead?" in html
    response = Client().post(
        reverse("joining:answer", args=[application.token]), {"text": "Our leader."}
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    # no second answer without a new question
    response = Client().get(reverse("joining:answer", args=[application.token]))
    assert response.status_code == 302


# --- staff --------------------------------------------------------------------------------------


def _admin(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_queue_lists_sent_applications_with_their_self_assessment(network_admin):
    council_application()
    affiliate_application()
    draft(applicant_email="still.drafting@example.org")
    html = _page(reverse("joining:queue"), _admin(network_admin))
    assert "Wigan Metropolitan Borough Council" in html
    assert "Fair Shares Co-operative" in html
    assert "still.drafting" not in html
    assert "10 of 10 principles" in html


def test_queue_and_detail_refuse_everyone_but_network_admins(officer_a, finance_officer):
    application = council_application()
    for user in (officer_a, finance_officer):
        client = _admin(user)
        assert client.get(reverse("joining:queue")).status_code == 403
        assert client.get(reverse("joining:application", args=[application.pk])).status_code == 403
        response = client.post(reverse("joining:approve", args=[application.pk]), {})
        assert response.status_code == 403
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED


def test_declining_without_a_reason_is_refused_on_the_page(network_admin):
    application = council_application()
    response = _admin(network_admin).post(reverse("joining:decline", args=[application.pk]), {})
    assert "This field is required" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED


def test_a_decided_application_cannot_be_decided_again(network_admin):
    application = council_application()
    client = _admin(network_admin)
    with committed():
        client.post(reverse("joining:decline", args=[application.pk]), {"reason": "Too early."})
    response = client.post(
        reverse("joining:approve", args=[application.pk]), {"decided_on": "2026-01-01"}
    )
    assert response.status_code == 302
    html = _page(response["Location"], client)
    assert "has already been decided" in html
    application.refresh_from_db()
    assert application.status == Application.Status.DECLINED


def test_approving_in_the_future_is_refused_on_the_page(network_admin):
    application = council_application()
    response = _admin(network_admin).post(
        reverse("joining:approve", args=[application.pk]), {"decided_on": "2999-01-01"}
    )
    assert "The decision date cannot be in the future" in response.content.decode()


def test_approving_through_the_page(network_admin):
    application = council_application()
    client = _admin(network_admin)
    with committed():
        response = client.post(
            reverse("joining:approve", args=[application.pk]),
            {"decided_on": date.today().isoformat()},
        )
    assert response.status_code == 302
    html = _page(response["Location"], client)
    assert "is now a member" in html
    org = Organisation.objects.get(local_authority=LocalAuthority.objects.get(code="WGN"))
    assert org.memberships.get().start == date.today()


# --- query counts -------------------------------------------------------------------------------


def _many_applications(n: int, offset: int = 0) -> None:
    codes = list(
        LocalAuthority.objects.filter(end_date__isnull=True)
        .exclude(la_type="COMB")
        .order_by("code")
        .values_list("code", flat=True)[offset : offset + n]
    )
    for code in codes:
        council_application(code, applicant_email=f"{code.lower()}@example.org")


@pytest.mark.parametrize("rows", [2, 12])
def test_queue_queries_do_not_grow_with_rows(network_admin, django_assert_max_num_queries, rows):
    _many_applications(rows)
    client = _admin(network_admin)
    client.get(reverse("joining:queue"))  # warm the session
    with django_assert_max_num_queries(7):
        html = _page(reverse("joining:queue"), client)
    assert f"{rows} applications" in html


def test_applicant_and_staff_pages_have_pinned_query_counts(
    network_admin, django_assert_max_num_queries
):
    application = council_application()
    token = application.token
    anonymous = Client()
    pages = {
        reverse("joining:task_list", args=[token]): 6,
        reverse("joining:start"): 2,
        reverse("joining:new"): 2,
    }
    draft_app = council_application("STV", submit=False, applicant_email="stv@example.org")
    for name in ("joining:organisation", "joining:contacts", "joining:check"):
        pages[reverse(name, args=[draft_app.token])] = 8
    pages[reverse("joining:principle", args=[draft_app.token, 3])] = 8
    for url, limit in pages.items():
        with django_assert_max_num_queries(limit):
            _page(url, anonymous)
    staff = _admin(network_admin)
    staff.get(reverse("joining:queue"))
    # the approve page also asks finance whether a fee is set (its settings, the fee schedule)
    for url, limit in (
        (reverse("joining:application", args=[application.pk]), 9),
        (reverse("joining:approve", args=[application.pk]), 11),
    ):
        with django_assert_max_num_queries(limit):
            _page(url, staff)


def test_approving_with_no_fee_set_says_no_invoice_was_raised(network_admin):
    application = council_application()
    client = _admin(network_admin)
    with committed():
        response = client.post(
            reverse("joining:approve", args=[application.pk]),
            {"decided_on": date.today().isoformat()},
        )
    html = _page(response["Location"], client)
    year = year_label(year_of(date.today()))
    assert f"No invoice was raised: no fee is set for Full in {year}." in html
    assert "first invoice are on their way" not in html
    assert (
        f"The welcome email, with the welcome pack, is being sent to {application.applicant_email}"
        in html
    )


def test_approving_says_which_invoice_was_raised_and_who_it_is_emailed_to(
    network_admin, finance_ready
):
    application = council_application()
    client = _admin(network_admin)
    with committed():
        response = client.post(
            reverse("joining:approve", args=[application.pk]),
            {"decided_on": date.today().isoformat()},
        )
    html = _page(response["Location"], client)
    invoice = Invoice.objects.get()
    assert (
        f"Invoice {invoice.reference} for £{invoice.total:,} has been raised and is being "
        f"emailed to {application.invoice_email}." in html
    )


def test_the_approve_page_warns_when_no_fee_is_set_with_a_link_to_set_one(network_admin):
    application = council_application()
    page = _admin(network_admin).get(reverse("joining:approve", args=[application.pk]))
    html = page.content.decode()
    year = year_of(date.today())
    assert (
        f"No fee is set for Full in {year_label(year)}, so approving will raise no invoice" in html
    )
    full = category("full")
    link = reverse("admin:finance_feeschedule_add") + f"?category={full.pk}&amp;year={year}"
    assert f'href="{link}"' in html


def test_the_approve_page_has_no_fee_warning_once_the_fee_is_set(network_admin, finance_ready):
    application = council_application()
    html = _admin(network_admin).get(reverse("joining:approve", args=[application.pk]))
    assert "No fee is set" not in html.content.decode()


def test_the_approve_page_warns_when_invoicing_is_not_set_up(network_admin, finance_ready):
    finance_ready.payment_instructions = ""
    finance_ready.save()
    application = council_application()
    html = _admin(network_admin).get(reverse("joining:approve", args=[application.pk]))
    text = html.content.decode()
    assert (
        "Approving will raise no invoice: Enter the Accountable Body&#x27;s payment details" in text
    )
    assert reverse("admin:finance_financesettings_changelist") in text
