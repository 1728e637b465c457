from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    name = "coopnet.governance"
    verbose_name = _("Governance")

    def ready(self) -> None:
        from . import (
            permissions,  # (registers the rules)
            report_sections,
        )

        permissions.register_files()  # who may see each file it keeps (coopnet.core.files)
        from coopnet.core.versioning import register_public_models

        from .models import (
            Appointment,
            Body,
            DocumentVersion,
            GovernanceDocument,
            Meeting,
            MemberProfile,
            Minutes,
            Seat,
        )

        # The bodies' public pages show them (remembered parts: coopnet.core.caching).
        register_public_models(
            Body, Seat, Appointment, MemberProfile, GovernanceDocument, DocumentVersion
        )
        register_public_models(Meeting, Minutes)
        report_sections.register()  # its sections of the network's reports (coopnet.core.reports)
