from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "coopnet.members"
    verbose_name = _("Membership registry")

    def ready(self) -> None:
        from coopnet.core.versioning import register_public_models

        from . import permissions  # noqa: F401  (registers the rules)
        from .models import CouncilBudget, Membership, Organisation, Person, Role
        from .search import register_members

        register_members()
        # Shown on remembered public pages (the directory, organisation pages, the headline).
        register_public_models(Membership, Organisation, CouncilBudget, Person, Role)

        from coopnet.core.dashboard import register_action_provider

        from .joining.dashboard import applications_to_decide

        register_action_provider(
            "members.applications_to_decide", context=applications_to_decide, order=50
        )

        from . import report_sections

        report_sections.register()  # its sections of the network's reports (coopnet.core.reports)

        from coopnet.core.mail import register_language_lookup

        from .selectors import contact_email_languages

        # After the accounts' lookup (a person who signs in chooses for themselves).
        register_language_lookup("members.people", contact_email_languages)

        from .privacy.retention import register_personal_data

        register_personal_data()
