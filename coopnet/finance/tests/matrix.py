"""Finance's part of the permission matrices (see coopnet/core/tests/matrix.py)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils import timezone

from coopnet.core.tests.matrix import DENY, EDIT, OK, Entry, admins_only, finance_staff, signed_in

# Officers who look after org_a (and finance staff) see org_a's invoices; nobody else.
OWNERS_OF_A = {**signed_in(DENY), "officer_a": OK, "finance_officer": OK, "network_admin": OK}
API_OWNERS_OF_A = {**OWNERS_OF_A, "anonymous": DENY}


def _invoice(ctx: dict[str, Any]) -> dict[str, Any]:
    return {"reference": ctx["invoice_a"].reference}


ENTRIES: dict[str, Entry] = {
    "finance:invoices": Entry(finance_staff()),
    "finance:run": Entry(finance_staff()),
    "finance:run_detail": Entry(finance_staff(), lambda c: {"pk": c["invoice_a"].run_id}),
    "finance:ledger": Entry(finance_staff()),
    "finance:debtors": Entry(finance_staff()),
    "finance:lapsed_end": Entry(admins_only(), lambda c: {"pk": c["invoice_a"].membership_id}),
    "finance:my_invoices": Entry(signed_in(OK)),
    "finance:purchase_order": Entry(OWNERS_OF_A, lambda c: {"slug": c["org_a"].slug}),
    "finance:invoice_detail": Entry(OWNERS_OF_A, _invoice),
    "finance:invoice_pdf": Entry(OWNERS_OF_A, _invoice),
    "finance:credit_note_pdf": Entry(
        OWNERS_OF_A, lambda c: {**_invoice(c), "number": c["credit_note_a"].reference}
    ),
    "finance:payment_add": Entry(finance_staff(), _invoice),
    "finance:credit_note_add": Entry(finance_staff(), _invoice),
    # Reversing a payment: the Accountable Body's finance officers only.
    "finance:payment_reverse": Entry(
        {**signed_in(DENY), "finance_officer": OK},
        lambda c: {**_invoice(c), "pk": c["payment_a"].pk},
    ),
    "api:invoice-list": Entry({**signed_in(OK), "anonymous": DENY}),
    "api:invoice-detail": Entry(API_OWNERS_OF_A, lambda c: {"number": c["invoice_a"].reference}),
}

BACK_OFFICE: dict[str, dict[str, set[str]]] = {
    "finance.feeschedule": {"finance_officer": EDIT, "network_admin": EDIT},
    # One row: changed, never added a second time.
    "finance.financesettings": {
        "finance_officer": {"view", "change"},
        "network_admin": {"view", "change"},
    },
    # Written by the services; shown read-only.
    "finance.invoice": {"finance_officer": {"view"}, "network_admin": {"view"}},
    "finance.invoicerun": {"finance_officer": {"view"}, "network_admin": {"view"}},
    "finance.purchaseorder": {"finance_officer": {"view"}, "network_admin": {"view"}},
}


def _configure() -> None:
    from coopnet.core.membership_year import year_of
    from coopnet.finance.models import FeeSchedule, FinanceSettings
    from coopnet.members.models import MembershipCategory

    config = FinanceSettings.current()
    config.body_name = "Oldham Council"
    config.body_address = "Civic Centre, Oldham"
    config.payment_instructions = "Pay by BACS quoting the invoice number."
    config.save()
    year = year_of(timezone.localdate())
    FeeSchedule.objects.get_or_create(
        year=year,
        category=MembershipCategory.objects.get(code="full"),
        defaults={"amount": Decimal("3500.00")},
    )


def _run(by: Any) -> Any:
    from coopnet.core.membership_year import year_of
    from coopnet.finance.services import invoice_run_confirm

    today = timezone.localdate()
    return invoice_run_confirm(year=year_of(today), on=today, by=by)


def site_context(ctx: dict[str, Any]) -> dict[str, Any]:
    _configure()
    from coopnet.finance.services import credit_note_issue, payment_record

    staff = ctx["users"]["finance_officer"]
    invoice = _run(staff).invoices.get(organisation=ctx["org_a"])
    note = credit_note_issue(
        invoice=invoice, amount="1.00", reason="Rounding", on=invoice.issued_on, by=staff
    )
    payment = payment_record(
        invoice=invoice, received_on=invoice.issued_on, amount="2.00", reference="BACS", by=staff
    )
    return {"invoice_a": invoice, "credit_note_a": note, "payment_a": payment}


def back_office_objects(objects: dict[str, Any]) -> dict[str, Any]:
    from coopnet.accounts.models import User
    from coopnet.finance.models import FeeSchedule, FinanceSettings, PurchaseOrder
    from coopnet.finance.services import purchase_order_set

    _configure()
    org = objects["members.organisation"]
    admin = User.objects.filter(groups__name="network_admin").get()
    run = _run(admin)
    purchase_order_set(organisation=org, year=run.year, reference="PO-1", by=admin)
    return {
        "finance.feeschedule": FeeSchedule.objects.first(),
        "finance.financesettings": FinanceSettings.current(),
        "finance.invoice": run.invoices.first(),
        "finance.invoicerun": run,
        "finance.purchaseorder": PurchaseOrder.objects.get(organisation=org),
    }
