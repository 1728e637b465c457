from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinanceConfig(AppConfig):
    name = "coopnet.finance"
    verbose_name = _("Finance")

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the rules)
