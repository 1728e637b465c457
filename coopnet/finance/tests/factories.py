"""Factories for finance tests: fee schedules, invoices, payments and budgets (factory-boy).

Invoices made here are numbered from 90001 up so that they never meet the numbers the services
take from the counter. Records a test means to check the rules of are made through the services
(see `invoice_run_confirm`, `payment_record`); these build the world around them.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import factory

from coopnet.core.actors import System
from coopnet.finance.budgets.models import Budget, BudgetLine, ExpenditureEntry
from coopnet.finance.models import FeeSchedule, Invoice, Payment, VatTreatment
from coopnet.members.tests.factories import MembershipFactory, OrganisationFactory, category

YEAR = 2024  # 2024/25
ISSUED_ON = date(2024, 9, 2)
# Test set-up acts as a named system job, as commands and tasks do (never `by=None`).
TESTS = System("test_setup")


class FeeScheduleFactory(factory.django.DjangoModelFactory[FeeSchedule]):
    class Meta:
        model = FeeSchedule
        django_get_or_create = ("year", "category")

    year = YEAR
    category = factory.LazyFunction(lambda: category("full"))
    amount = Decimal("3500.00")
    source = "Test fee"


class InvoiceFactory(factory.django.DjangoModelFactory[Invoice]):
    """An annual invoice of a full member council, nothing paid."""

    class Meta:
        model = Invoice

    number = factory.Sequence(lambda n: 90001 + n)
    reference = factory.LazyAttribute(lambda o: f"TEST-{o.number:05d}")
    kind = Invoice.Kind.ANNUAL
    membership = factory.SubFactory(
        MembershipFactory,
        organisation=factory.SubFactory(OrganisationFactory),
        category=factory.LazyFunction(lambda: category("full")),
    )
    organisation = factory.LazyAttribute(lambda o: o.membership.organisation)
    person = None
    category = factory.LazyAttribute(lambda o: o.membership.category)
    year = YEAR
    issued_on = ISSUED_ON
    due_on = factory.LazyAttribute(lambda o: o.issued_on + timedelta(days=30))
    description = "Membership fee 2024/25: Full member"
    net_amount = Decimal("3500.00")
    vat_treatment = VatTreatment.OUTSIDE_SCOPE
    vat_rate = Decimal("0.00")
    vat_amount = Decimal("0.00")
    total = factory.LazyAttribute(lambda o: o.net_amount + o.vat_amount)
    bill_to_name = factory.LazyAttribute(lambda o: o.organisation.name if o.organisation else "")
    body = factory.LazyFunction(lambda: {"name": "Oldham Council"})


class PaymentFactory(factory.django.DjangoModelFactory[Payment]):
    class Meta:
        model = Payment

    invoice = factory.SubFactory(InvoiceFactory)
    received_on = factory.LazyAttribute(lambda o: o.invoice.issued_on + timedelta(days=7))
    amount = Decimal("100.00")
    reference = factory.Sequence(lambda n: f"BACS {n}")
    recorded_by = None


class BudgetFactory(factory.django.DjangoModelFactory[Budget]):
    """A bare budget (with its carry-forward line); `make_budget` in the budgets' tests makes a
    full one through the services."""

    class Meta:
        model = Budget
        django_get_or_create = ("year",)
        skip_postgeneration_save = True

    year = 2021
    reserve = Decimal("100.00")
    opening_balance = Decimal("1000.00")

    @factory.post_generation
    def carry_forward(obj: Budget, create: bool, extracted: object, **kwargs: object) -> None:
        if create:
            BudgetLine.objects.get_or_create(
                budget=obj, kind=BudgetLine.Kind.CARRY_FORWARD, defaults={"name": "Carry Forward"}
            )


class BudgetLineFactory(factory.django.DjangoModelFactory[BudgetLine]):
    class Meta:
        model = BudgetLine

    budget = factory.SubFactory(BudgetFactory)
    kind = BudgetLine.Kind.EXPENDITURE
    code = "MF"
    name = factory.Sequence(lambda n: f"Line {n}")
    amount = Decimal("100.00")
    position = factory.Sequence(lambda n: n + 1)


class ExpenditureEntryFactory(factory.django.DjangoModelFactory[ExpenditureEntry]):
    class Meta:
        model = ExpenditureEntry

    line = factory.SubFactory(BudgetLineFactory)
    spent_on = factory.LazyAttribute(lambda o: date(o.line.budget.year, 9, 1))
    amount = Decimal("40.00")
    description = "Room hire"
