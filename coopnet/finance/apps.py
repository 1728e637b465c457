from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinanceConfig(AppConfig):
    name = "coopnet.finance"
    verbose_name = _("Finance")

    def ready(self) -> None:
        from coopnet.core.hooks import (
            MEMBERSHIP_APPROVAL_CHECKS,
            MEMBERSHIP_APPROVED,
            register_hook,
        )
        from coopnet.core.versioning import register_public_models

        from . import permissions  # noqa: F401  (registers the rules)
        from .hooks import approval_checks, raise_first_invoice
        from .models import CreditNote, Invoice, Payment

        # Finance staff's invoice list is remembered for them (`same_for_everyone`): every
        # write to what it shows moves the version on.
        register_public_models(Invoice, Payment, CreditNote)

        register_hook(MEMBERSHIP_APPROVED, "finance.first_invoice", raise_first_invoice)
        register_hook(MEMBERSHIP_APPROVAL_CHECKS, "finance.fee_set", approval_checks)

        from coopnet.core.dashboard import register_action_provider

        from .dashboard import invoices_due

        register_action_provider("finance.invoices_due", context=invoices_due, order=30)
