from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ElectionsConfig(AppConfig):
    name = "coopnet.governance.elections"
    label = "elections"
    verbose_name = _("Elections")

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the rules)
