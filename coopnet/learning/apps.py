from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    name = "coopnet.learning"
    verbose_name = _("Learning and peer review")

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the rules)
