from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "coopnet.learning"
    verbose_name = _("Learning and peer review")

    def ready(self) -> None:
        from coopnet.core.hooks import MEMBERSHIP_APPROVED, register_hook

        from . import permissions  # noqa: F401  (registers the rules)
        from .hooks import start_induction

        register_hook(MEMBERSHIP_APPROVED, "learning.induction", start_induction)
