from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ElectionsConfig(AppConfig):
    name = "coopnet.governance.elections"
    label = "elections"
    verbose_name = _("Elections")

    def ready(self) -> None:
        from coopnet.core.versioning import register_public_models

        from . import permissions  # noqa: F401  (registers the rules)
        from .models import Election

        # The (cached) home page lists the elections under way.
        register_public_models(Election)

        from coopnet.core.dashboard import register_action_provider

        from .dashboard import ballots_to_cast

        register_action_provider("elections.ballots_to_cast", context=ballots_to_cast, order=20)
