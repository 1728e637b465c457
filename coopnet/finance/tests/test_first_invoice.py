"""A newly approved member's first invoice: the network's rule, the same numbering, never twice."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from coopnet.core.guard import Refused
from coopnet.finance.models import FirstInvoiceRule, Invoice
from coopnet.finance.services import invoice_raise_first
from coopnet.members.tests.factories import CouncilFactory, MembershipFactory, category

pytestmark = pytest.mark.django_db


@pytest.fixture
def new_member(db):
    council = CouncilFactory(la_code="MAN")
    return MembershipFactory(
        organisation=council, category=category("full"), start=date(2024, 11, 15)
    )


def test_pro_rata_charges_the_months_left_in_the_year(schedules, new_member, network_admin):
    invoice = invoice_raise_first(membership=new_member, on=date(2024, 11, 15), by=network_admin)
    assert invoice is not None
    # November to July: 9 of 12 months of £3,500.
    assert invoice.net_amount == Decimal("2625.00")
    assert invoice.total == Decimal("2625.00")
    assert invoice.year == 2024
    assert invoice.kind == Invoice.Kind.FIRST
    assert "9 of 12 months" in invoice.description
    assert invoice.reference == "INV-00001"
    assert invoice.due_on == date(2024, 12, 15)
    assert invoice.body["name"] == "Oldham Council"


def test_july_is_one_month_and_august_the_full_year(schedules, network_admin):
    july = MembershipFactory(
        organisation=CouncilFactory(la_code="MAN"),
        category=category("full"),
        start=date(2025, 7, 31),
    )
    assert invoice_raise_first(
        membership=july, on=date(2025, 7, 31), by=network_admin
    ).net_amount == Decimal("291.67")
    august = MembershipFactory(
        organisation=CouncilFactory(la_code="LIV"),
        category=category("full"),
        start=date(2024, 8, 1),
    )
    assert invoice_raise_first(
        membership=august, on=date(2024, 8, 1), by=network_admin
    ).net_amount == Decimal("3500.00")


def test_full_year_rule(schedules, finance_settings, new_member, network_admin):
    finance_settings.first_invoice_rule = FirstInvoiceRule.FULL_YEAR
    finance_settings.save()
    invoice = invoice_raise_first(membership=new_member, on=date(2024, 11, 15), by=network_admin)
    assert invoice.net_amount == Decimal("3500.00")


def test_rule_none_raises_nothing(schedules, finance_settings, new_member, network_admin):
    finance_settings.first_invoice_rule = FirstInvoiceRule.NONE
    finance_settings.save()
    assert (
        invoice_raise_first(membership=new_member, on=date(2024, 11, 15), by=network_admin) is None
    )
    assert not Invoice.objects.exists()


def test_no_fee_schedule_raises_nothing(finance_settings, new_member, network_admin):
    assert (
        invoice_raise_first(membership=new_member, on=date(2024, 11, 15), by=network_admin) is None
    )


def test_calling_twice_gives_the_same_invoice(schedules, new_member, network_admin):
    first = invoice_raise_first(membership=new_member, on=date(2024, 11, 15), by=network_admin)
    again = invoice_raise_first(membership=new_member, on=date(2024, 12, 1), by=network_admin)
    assert again == first
    assert Invoice.objects.count() == 1


def test_members_may_not_raise_invoices(schedules, new_member, officer_a):
    with pytest.raises(Refused):
        invoice_raise_first(membership=new_member, on=date(2024, 11, 15), by=officer_a)
    assert not Invoice.objects.exists()
