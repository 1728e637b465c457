from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "coopnet.knowledge"
    verbose_name = _("Knowledge hub")

    def ready(self) -> None:
        from coopnet.core.versioning import register_public_models

        from . import permissions  # (registers the rules)

        permissions.register_files()  # who may see each file it keeps (coopnet.core.files)
        from .models import (
            Action,
            CaseStudy,
            CaseStudyAttachment,
            CaseStudyImage,
            CaseStudyLink,
            NewsPost,
            Publication,
            Theme,
        )
        from .search import register_knowledge

        # A council's published case studies show on its (cached) public page; a case study's
        # page (remembered for everyone) shows its images, files, links, themes and actions.
        register_public_models(CaseStudy)
        register_public_models(CaseStudyImage, CaseStudyAttachment, CaseStudyLink, Theme, Action)
        # The home page and the hub show the latest news and publications.
        register_public_models(NewsPost, Publication)

        register_knowledge()

        from coopnet.core.panels import register_panel

        from .panels import organisation_case_studies

        register_panel(
            "organisation",
            "knowledge.case_studies",
            template="knowledge/_organisation_case_studies.html",
            context=organisation_case_studies,
        )

        from . import report_sections

        report_sections.register()  # its sections of the network's reports (coopnet.core.reports)

        from coopnet.core.personal_data import register_copied_details

        # A case study may name a contact for readers.
        register_copied_details(
            "knowledge.CaseStudy",
            match="contact_email",
            replace={"contact_name": "", "contact_email": "", "contact_consent": False},
        )
