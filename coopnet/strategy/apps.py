from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyConfig(AppConfig):
    name = "coopnet.strategy"
    verbose_name = _("Strategy and KPIs")

    def ready(self) -> None:
        from . import (
            permissions,  # noqa: F401  (registers the rules)
            report_sections,
        )

        report_sections.register()  # the Review of the Year's strategy progress (core.reports)
