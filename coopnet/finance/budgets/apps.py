from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetsConfig(AppConfig):
    name = "coopnet.finance.budgets"
    label = "budgets"
    verbose_name = _("Budgets")

    def ready(self) -> None:
        from . import (
            permissions,  # noqa: F401  (registers the rules)
            report_sections,
        )

        report_sections.register()  # its sections of the network's reports (coopnet.core.reports)
