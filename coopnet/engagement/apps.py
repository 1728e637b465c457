from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "coopnet.engagement"
    verbose_name = _("Networks, groups and newsletter")

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the rules)
