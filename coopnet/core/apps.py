from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "coopnet.core"
    verbose_name = _("Network")

    def ready(self) -> None:
        from .models import Principle, RecordCoverage, ReportedFigure
        from .search import index  # noqa: F401  (keeps every registered kind's entries current)
        from .search.registry import register_facet_labels
        from .selectors import principle_labels
        from .versioning import register_public_models

        register_facet_labels("principle", principle_labels)
        register_public_models(Principle, ReportedFigure, RecordCoverage)

        from .retention import register_core_retention

        register_core_retention()

        from .history import remember_history_managers

        remember_history_managers()

        from .translation import fold_site_languages

        fold_site_languages()
