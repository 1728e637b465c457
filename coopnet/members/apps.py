from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "coopnet.members"
    verbose_name = _("Membership registry")

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the rules)
