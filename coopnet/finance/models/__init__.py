"""Finance records: the fee configuration, fee schedules, invoices, payments and credit notes."""

from .fees import FeeBand, FeeSchedule, FixedFee
from .invoices import (
    CreditNote,
    Invoice,
    InvoiceRun,
    NumberCounter,
    Payment,
    PurchaseOrder,
    Reminder,
)
from .settings import FinanceSettings, FirstInvoiceRule, VatTreatment

__all__ = [
    "CreditNote",
    "FeeBand",
    "FeeSchedule",
    "FinanceSettings",
    "FirstInvoiceRule",
    "FixedFee",
    "Invoice",
    "InvoiceRun",
    "NumberCounter",
    "Payment",
    "PurchaseOrder",
    "Reminder",
    "VatTreatment",
]
