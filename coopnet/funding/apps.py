from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "coopnet.funding"
    verbose_name = _("Funded projects")

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the rules)
