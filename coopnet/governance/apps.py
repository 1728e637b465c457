from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "coopnet.governance"
    verbose_name = _("Governance")

    def ready(self) -> None:
        from . import (
            permissions,  # noqa: F401  (registers the rules)
            report_sections,
        )

        report_sections.register()  # its sections of the network's reports (coopnet.core.reports)
