"""Factories for procurement records (factory-boy)."""

from __future__ import annotations

from datetime import date

import factory

from coopnet.members.models import Organisation, OrganisationKind
from coopnet.members.tests.factories import OrganisationFactory
from coopnet.procurement.models import Admission, Arrangement, Category, Regime

QUESTIONS = [
    {"key": "experience", "text": "Describe similar work you have done for councils."},
    {"key": "insurance", "text": "What professional indemnity insurance do you hold?"},
]


class ArrangementFactory(factory.django.DjangoModelFactory[Arrangement]):
    class Meta:
        model = Arrangement

    name = factory.Sequence(lambda n: f"Dynamic purchasing system {n}")
    slug = factory.Sequence(lambda n: f"dps-{n}")
    regime = Regime.PCR_2015_DPS
    start = date(2020, 4, 1)
    end = date(2030, 3, 31)
    eligible_buyer_categories = factory.LazyFunction(lambda: ["full", "associate"])
    network_may_buy = True


class CategoryFactory(factory.django.DjangoModelFactory[Category]):
    class Meta:
        model = Category

    arrangement = factory.SubFactory(ArrangementFactory)
    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")
    questions = factory.LazyFunction(lambda: list(QUESTIONS))


class SupplierFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Supplier {n:04d}")
    slug = factory.Sequence(lambda n: f"supplier-{n}")
    kind = OrganisationKind.SUPPLIER


class AdmissionFactory(factory.django.DjangoModelFactory[Admission]):
    class Meta:
        model = Admission

    organisation = factory.SubFactory(SupplierFactory)
    category = factory.SubFactory(CategoryFactory)
    start = date(2020, 4, 1)


def answers_for(*categories: Category) -> dict[int, dict[str, str]]:
    return {c.pk: {q["key"]: "We have done this." for q in c.questions} for c in categories}


NO_GROUNDS = {
    "convictions": False,
    "tax": False,
    "insolvency": False,
    "misconduct": False,
    "poor_performance": False,
}


def bulk_admit(category: Category, count: int, on: date = date(2020, 4, 1)) -> None:
    """`count` suppliers admitted in `category`, written in bulk (for the 2,000-supplier checks)."""
    if count <= 0:
        return

    start = Organisation.objects.count()
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"Bulk supplier {start + n:05d}",
            slug=f"bulk-supplier-{category.pk}-{start + n}",
            kind=OrganisationKind.SUPPLIER,
        )
        for n in range(count)
    )
    Admission.objects.bulk_create(
        Admission(organisation=o, category=category, start=on) for o in organisations
    )
