from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "coopnet.core"
    verbose_name = _("Network")

    def ready(self) -> None:
        from .models import Principle, ReportedFigure
        from .search.providers import register_core
        from .versioning import register_public_models

        register_core()
        register_public_models(Principle, ReportedFigure)
