from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "coopnet.reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from . import permissions  # (registers the rules)

        permissions.register_files()  # who may see each file it keeps (coopnet.core.files)
        from .sections import register

        register()  # the welcome page and the contact page of the Review of the Year
