from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcurementConfig(AppConfig):
    name = "coopnet.procurement"
    verbose_name = _("Procurement")

    def ready(self) -> None:
        from coopnet.core.dashboard import register_panel
        from coopnet.core.opendata import register_dataset

        from . import permissions  # (registers the rules)

        permissions.register_files()  # who may see each file it keeps (coopnet.core.files)
        from .panels import overdue_evaluations

        register_dataset("procurement.ocds", template="procurement/_open_data.html", order=20)
        # Staff see the applications past their decision deadline on their dashboard.
        register_panel(
            "procurement.overdue_evaluations",
            template="procurement/_dashboard_overdue.html",
            context=overdue_evaluations,
        )

        from . import report_sections

        report_sections.register()  # its sections of the network's reports (coopnet.core.reports)

        from coopnet.core.personal_data import ERASED_EMAIL, register_copied_details

        register_copied_details(
            "procurement.SupplierApplication",
            match="contact_email",
            replace={"contact_email": ERASED_EMAIL},
        )
