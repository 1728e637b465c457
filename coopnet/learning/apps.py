from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "coopnet.learning"
    verbose_name = _("Learning and peer review")

    def ready(self) -> None:
        from coopnet.core.hooks import MEMBERSHIP_APPROVED, register_hook

        from . import permissions  # (registers the rules)

        permissions.register_files()  # who may see each file it keeps (coopnet.core.files)
        from . import report_sections

        report_sections.register()  # its sections of the network's reports (coopnet.core.reports)
        from .hooks import start_induction

        register_hook(MEMBERSHIP_APPROVED, "learning.induction", start_induction)

        from coopnet.core.dashboard import register_panel
        from coopnet.members.joining.framework import register_framework_provider

        from .selectors import framework_for_joining

        # The membership application answers against this framework (joining's registry).
        register_framework_provider(framework_for_joining)

        from coopnet.core.versioning import register_public_models

        from .models import (
            Enrolment,
            Induction,
            InductionItem,
            PeerReview,
            Programme,
            Recommendation,
            SelfAssessment,
        )

        # The board's take-up counts are remembered (`take_up_cached`) until one of these changes.
        register_public_models(
            Programme, Enrolment, Induction, InductionItem, PeerReview, Recommendation
        )
        register_public_models(SelfAssessment)
        from .panels import overdue_induction, take_up

        register_panel(
            "learning.take_up", template="learning/_dashboard_take_up.html", context=take_up
        )
        register_panel(
            "learning.overdue_induction",
            template="learning/_dashboard_induction.html",
            context=overdue_induction,
            order=50,
        )
