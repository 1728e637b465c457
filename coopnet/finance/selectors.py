"""Reads of the network's finances. Balances and statuses are computed in the database, in one
place, so every page, export and API answer agrees."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import (
    Case,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coopnet.core.money import ZERO
from coopnet.core.periods import current_on_q
from coopnet.members.models import (
    Membership,
    MembershipCategory,
    Organisation,
    Person,
    Role,
    RoleKind,
)

from .models import CreditNote, FinanceSettings, Invoice, Payment, PurchaseOrder

MONEY = DecimalField(max_digits=12, decimal_places=2)

STATUS_LABELS = {
    "issued": _("Issued"),
    "part_paid": _("Part paid"),
    "paid": _("Paid"),
    "overdue": _("Overdue"),
    "credited": _("Credited"),
}
STATUS_TAGS = {
    "issued": "govuk-tag--blue",
    "part_paid": "govuk-tag--yellow",
    "paid": "govuk-tag--green",
    "overdue": "govuk-tag--red",
    "credited": "govuk-tag--grey",
}


def _counted(model: type[Payment] | type[CreditNote]) -> QuerySet:
    """The rows that count towards a balance: every credit note; payments not reversed."""
    if model is Payment:
        return Payment.objects.filter(reversed_at__isnull=True)
    return model.objects.all()


def _sum_of(model: type[Payment] | type[CreditNote]) -> Coalesce:
    total = (
        _counted(model)
        .filter(invoice=OuterRef("pk"))
        .order_by()
        .values("invoice")
        .annotate(s=Sum("amount"))
        .values("s")
    )
    return Coalesce(Subquery(total, output_field=MONEY), Value(ZERO), output_field=MONEY)


def with_balances(qs: QuerySet[Invoice], today: date | None = None) -> QuerySet[Invoice]:
    """Annotate paid, credited, outstanding and status (issued, part_paid, paid, overdue,
    credited): credited wins when the credit notes cover the invoice; then paid; then overdue
    once the due date has passed; then part paid."""
    today = today or timezone.localdate()
    qs = qs.annotate(paid=_sum_of(Payment), credited=_sum_of(CreditNote))
    qs = qs.annotate(
        outstanding=ExpressionWrapper(F("total") - F("paid") - F("credited"), output_field=MONEY)
    )
    return qs.annotate(
        status=Case(
            When(Q(credited__gt=0) & Q(outstanding__lte=0), then=Value("credited")),
            When(outstanding__lte=0, then=Value("paid")),
            When(due_on__lt=today, then=Value("overdue")),
            When(paid__gt=0, then=Value("part_paid")),
            default=Value("issued"),
        )
    )


def invoices_with_balances(today: date | None = None) -> QuerySet[Invoice]:
    qs = Invoice.objects.select_related("organisation", "person", "category")
    return with_balances(qs, today).order_by("-number")


@dataclass(frozen=True)
class Balance:
    total: Decimal
    paid: Decimal
    credited: Decimal

    @property
    def outstanding(self) -> Decimal:
        return self.total - self.paid - self.credited


def balance_of(invoice: Invoice) -> Balance:
    row = with_balances(Invoice.objects.filter(pk=invoice.pk)).values(  # type: ignore[misc]
        "total", "paid", "credited"
    )
    values = row.get()
    return Balance(values["total"], values["paid"], values["credited"])


def invoice_detail_by_reference(reference: str) -> QuerySet[Invoice]:
    return (
        invoices_with_balances()
        .filter(reference=reference)
        .select_related("membership", "created_by")
        .prefetch_related("payments__recorded_by", "credit_notes", "reminders")
    )


def invoices_for_organisation(organisation: Organisation) -> QuerySet[Invoice]:
    return invoices_with_balances().filter(organisation=organisation)


def invoices_for_user(user) -> QuerySet[Invoice]:
    """Invoices a signed-in member may see: of organisations whose profile they manage or where
    they are the invoice contact, and their own as an individual supporter."""
    person = getattr(user, "person", None)
    if person is None:
        return Invoice.objects.none()
    return invoices_with_balances().filter(
        _looked_after(person, timezone.localdate()) | Q(person=person)
    )


def _looked_after(person: Person, on: date, field: str = "organisation_id") -> Q:
    """Organisations whose profile `person` manages on `on` (the registry's one rule,
    `Role.objects.managing`) or whose invoice contact they are that day."""
    managed = Role.objects.managing(person, on=on).values("organisation_id")
    contact = Role.objects.current_on(on).filter(person=person, kind=RoleKind.INVOICE_CONTACT)
    return Q(**{f"{field}__in": managed}) | Q(**{f"{field}__in": contact.values("organisation_id")})


def organisations_for_user(user) -> QuerySet[Organisation]:
    """Organisations whose invoices and purchase orders the user looks after."""
    person = getattr(user, "person", None)
    if person is None:
        return Organisation.objects.none()
    looked_after = _looked_after(person, timezone.localdate(), field="pk")
    return Organisation.objects.filter(looked_after).order_by("name")


def purchase_orders_of(organisation: Organisation) -> dict[int, str]:
    return dict(
        PurchaseOrder.objects.filter(organisation=organisation).values_list("year", "reference")
    )


def _invoice_contact_emails(organisation_ids: list[int], on: date) -> dict[int, list[str]]:
    """Each organisation's invoice contacts' addresses on `on` (the period rule: a role whose
    end date is `on` still holds that day), in one query."""
    emails: dict[int, list[str]] = {}
    rows = (
        Role.objects.current_on(on)
        .filter(organisation_id__in=organisation_ids, kind=RoleKind.INVOICE_CONTACT)
        .exclude(person__email="")
        .values_list("organisation_id", "person__email")
        .order_by("organisation_id", "person__email")
        .distinct()
    )
    for organisation_id, email in rows:
        emails.setdefault(organisation_id, []).append(email)
    return emails


def invoice_recipients(invoice: Invoice, on: date | None = None) -> list[str]:
    """Who an invoice is emailed to on `on` (today by default): the organisation's invoice
    contacts then; the individual for a supporter."""
    if invoice.person_id is not None:
        email = invoice.person.email if invoice.person else ""
        return [email] if email else []
    if invoice.organisation_id is None:
        return []
    on = on or timezone.localdate()
    return _invoice_contact_emails([invoice.organisation_id], on).get(invoice.organisation_id, [])


def not_emailable(invoices: list[Invoice], on: date | None = None) -> list[Invoice]:
    """The invoices no one would be emailed: no invoice contact with an address (two queries
    for any number of invoices; the invoices come with `person` selected)."""
    on = on or timezone.localdate()
    org_ids = [i.organisation_id for i in invoices if i.organisation_id is not None]
    emails = _invoice_contact_emails(org_ids, on)
    return [
        i
        for i in invoices
        if not (
            (i.person_id is not None and i.person is not None and i.person.email)
            or (i.organisation_id is not None and emails.get(i.organisation_id))
        )
    ]


def unpaid_invoices(on: date) -> QuerySet[Invoice]:
    return with_balances(Invoice.objects.all(), on).filter(Q(outstanding__gt=0)).order_by("number")


def lapsed_pending(on: date) -> QuerySet[Membership]:
    """Current memberships with an invoice still unpaid `lapse_days` after its due date."""
    days = FinanceSettings.current().lapse_days
    late = with_balances(Invoice.objects.all(), on).filter(
        Q(outstanding__gt=0),
        membership=OuterRef("pk"),
        due_on__lt=on - timedelta(days=days),
    )
    return (
        Membership.objects.filter(current_on_q(on))
        .filter(Exists(late))
        .select_related("organisation", "person", "category")
        .order_by("organisation__name", "person__full_name")
    )


AGE_BANDS = (
    ("not_due", _("Not yet due")),
    ("1_30", _("1 to 30 days")),
    ("31_60", _("31 to 60 days")),
    ("61_90", _("61 to 90 days")),
    ("over_90", _("Over 90 days")),
)


def age_band(days_overdue: int) -> str:
    if days_overdue <= 0:
        return "not_due"
    if days_overdue <= 30:
        return "1_30"
    if days_overdue <= 60:
        return "31_60"
    if days_overdue <= 90:
        return "61_90"
    return "over_90"


@dataclass
class DebtorRow:
    invoice: Invoice
    days_overdue: int
    band: str
    lapsed_pending: bool


@dataclass
class Debtors:
    on: date
    rows: list[DebtorRow] = field(default_factory=list)
    totals: dict[str, Decimal] = field(default_factory=dict)

    @property
    def total(self) -> Decimal:
        return sum(self.totals.values(), ZERO)

    @property
    def bands(self) -> list[tuple[str, str, Decimal]]:
        return [(key, str(label), self.totals.get(key, ZERO)) for key, label in AGE_BANDS]


def debtors(on: date | None = None) -> Debtors:
    """Every invoice with money owed, oldest due first, aged by days past its due date."""
    on = on or timezone.localdate()
    lapse_days = FinanceSettings.current().lapse_days
    lapsed_ids = set(lapsed_pending(on).values_list("pk", flat=True))
    result = Debtors(on=on, totals={key: ZERO for key, _label in AGE_BANDS})
    for invoice in (
        unpaid_invoices(on)
        .select_related("organisation", "person", "category")
        .order_by("due_on", "number")
    ):
        days = (on - invoice.due_on).days
        band = age_band(days)
        result.totals[band] += invoice.outstanding  # type: ignore[attr-defined]
        result.rows.append(
            DebtorRow(
                invoice=invoice,
                days_overdue=max(days, 0),
                band=band,
                lapsed_pending=invoice.membership_id in lapsed_ids and days > lapse_days,
            )
        )
    return result


def income_received(year: int) -> dict[str, Decimal]:
    """Money received against a membership year's invoices, by category code (every category
    present, £0.00 where nothing was paid). For the budget's actual-vs-budget."""
    paid = (
        _counted(Payment)
        .filter(invoice__year=year)
        .order_by()
        .values("invoice__category__code")
        .annotate(total=Sum("amount"))
    )
    result = dict.fromkeys(MembershipCategory.objects.values_list("code", flat=True), ZERO)
    for row in paid:
        result[row["invoice__category__code"]] = row["total"]
    return result


def years_invoiced() -> list[int]:
    return list(Invoice.objects.order_by("-year").values_list("year", flat=True).distinct())


def invoices_due_for_user(user) -> QuerySet[Invoice]:
    """Invoices the person may see that still have something to pay, oldest due first."""
    return invoices_for_user(user).filter(Q(outstanding__gt=0)).order_by("due_on", "number")
