from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "coopnet.knowledge"
    verbose_name = _("Knowledge hub")

    def ready(self) -> None:
        from coopnet.core.caching import register_versioned

        from . import permissions  # noqa: F401  (registers the rules)
        from .models import CaseStudy

        # A council's published case studies show on its (cached) public page.
        register_versioned(CaseStudy)
        from .search import register_knowledge

        register_knowledge()
