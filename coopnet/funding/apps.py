from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "coopnet.funding"
    verbose_name = _("Funded projects")

    def ready(self) -> None:
        from coopnet.core.search.registry import register
        from coopnet.knowledge.selectors import register_publication_users

        from . import permissions  # noqa: F401  (registers the rules)
        from .models import Project
        from .search import project_document, searchable_projects
        from .selectors import projects_with_output

        # A publication's library page lists the funded projects it came out of.
        register_publication_users(projects_with_output)

        register(
            Project,
            kind="funded_project",
            document=project_document,
            queryset=searchable_projects,
            label=_("Funded projects"),
        )

        from . import report_sections

        report_sections.register()  # its sections of the network's reports (coopnet.core.reports)
