from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcurementConfig(AppConfig):
    name = "coopnet.procurement"
    verbose_name = _("Procurement")

    def ready(self) -> None:
        from coopnet.core.opendata import register_dataset

        from . import permissions  # noqa: F401  (registers the rules)

        register_dataset("procurement.ocds", template="procurement/_open_data.html", order=20)
