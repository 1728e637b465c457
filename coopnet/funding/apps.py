from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "coopnet.funding"
    verbose_name = _("Funded projects")

    def ready(self) -> None:
        from coopnet.core.opendata import register_dataset
        from coopnet.core.search.registry import register
        from coopnet.core.versioning import register_public_models
        from coopnet.knowledge.selectors import register_publication_users

        from . import permissions  # (registers the rules)

        permissions.register_files()  # who may see each file it keeps (coopnet.core.files)
        from .models import Project, ReviewCriterion, Round, RoundPot, Scheme, SchemeRule
        from .search import project_document, searchable_projects
        from .selectors import projects_with_output
        from .views.open_data import index_context

        register_dataset(
            "funding.360giving", template="funding/_open_data.html", context=index_context, order=10
        )

        # A publication's library page lists the funded projects it came out of.
        register_publication_users(projects_with_output)
        from coopnet.core.dashboard import register_action_provider

        from .dashboard import bids_to_review, reports_due

        register_action_provider("funding.bids_to_review", context=bids_to_review, order=10)
        register_action_provider("funding.reports_due", context=reports_due, order=40)
        # The (cached) home page shows the latest funded projects; a round's page, remembered for
        # everyone, its pots, caps and criteria.
        register_public_models(Project, Scheme, SchemeRule, Round, RoundPot, ReviewCriterion)

        register(
            Project,
            kind="funded_project",
            document=project_document,
            queryset=searchable_projects,
            label=_("Funded projects"),
        )

        from . import report_sections

        report_sections.register()  # its sections of the network's reports (coopnet.core.reports)
