from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "coopnet.members"
    verbose_name = _("Membership registry")
