"""Invoice numbers stay gapless and unique when runs, first invoices and credit notes race.

The counter row is locked (SELECT ... FOR UPDATE) inside the transaction that writes the invoice:
the second writer waits, then takes the next number, or finds the invoice already raised.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from coopnet.finance.errors import FinanceError
from coopnet.finance.models import FeeSchedule, FinanceSettings, Invoice
from coopnet.finance.services import invoice_raise_first, invoice_run_confirm
from coopnet.members.tests.factories import CouncilFactory, MembershipFactory, category
from coopnet.members.tests.test_concurrency import race

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres_only]

YEAR, ON = 2024, date(2024, 9, 2)
COUNCILS = ["OLD", "KIR", "MAN", "LIV", "SHF", "NET"]


@pytest.fixture
def configured():
    config = FinanceSettings.current()
    config.body_name = "Oldham Council"
    config.body_address = "Civic Centre, Oldham"
    config.payment_instructions = "Pay by BACS quoting the invoice number."
    config.save()
    FeeSchedule.objects.create(year=YEAR, category=category("full"), amount=Decimal("3500.00"))


def test_two_runs_at_once_raise_each_invoice_once(configured, finance_officer, network_admin):
    for code in COUNCILS:
        MembershipFactory(organisation=CouncilFactory(la_code=code), category=category("full"))
    users = [finance_officer, network_admin]
    results = race(2, lambda i: invoice_run_confirm(year=YEAR, on=ON, by=users[i]))
    assert Invoice.objects.count() == len(COUNCILS)
    assert sorted(Invoice.objects.values_list("number", flat=True)) == list(range(1, 7))
    refused = [r for r in results if isinstance(r, FinanceError)]
    assert len(refused) == 1
    assert "nobody to invoice" in str(refused[0])


def test_first_invoices_for_many_members_at_once_are_numbered_without_gaps(
    configured, network_admin
):
    memberships = [
        MembershipFactory(
            organisation=CouncilFactory(la_code=code),
            category=category("full"),
            start=date(2024, 10, 1),
        )
        for code in COUNCILS
    ]
    results = race(
        len(memberships),
        lambda i: invoice_raise_first(
            membership=memberships[i], on=date(2024, 10, 1), by=network_admin
        ),
    )
    assert all(isinstance(r, Invoice) for r in results), results
    assert sorted(Invoice.objects.values_list("number", flat=True)) == list(range(1, 7))


def test_the_same_membership_approved_twice_at_once_gets_one_invoice(configured, network_admin):
    membership = MembershipFactory(
        organisation=CouncilFactory(la_code="MAN"),
        category=category("full"),
        start=date(2024, 10, 1),
    )
    results = race(
        3,
        lambda i: invoice_raise_first(
            membership=membership, on=date(2024, 10, 1), by=network_admin
        ),
    )
    assert Invoice.objects.count() == 1
    assert {r.pk for r in results if isinstance(r, Invoice)} == {Invoice.objects.get().pk}


def test_twenty_identical_payment_submissions_at_once_record_one_payment(
    configured, finance_officer
):
    from coopnet.core.submissions import AlreadySubmitted
    from coopnet.finance.services import payment_record

    MembershipFactory(organisation=CouncilFactory(la_code="OLD"), category=category("full"))
    invoice_run_confirm(year=YEAR, on=ON, by=finance_officer)
    invoice = Invoice.objects.get()
    results = race(
        20,
        lambda i: payment_record(
            invoice=invoice,
            received_on=date(2024, 9, 20),
            amount="100.00",
            reference="BACS 1",
            by=finance_officer,
            submission_key="one-press-of-the-button",
        ),
    )
    assert invoice.payments.count() == 1
    assert sum(isinstance(r, AlreadySubmitted) for r in results) == 19
