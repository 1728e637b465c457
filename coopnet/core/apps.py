from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "coopnet.core"
    verbose_name = _("Network")

    def ready(self) -> None:
        from .search.providers import register_core

        register_core()
