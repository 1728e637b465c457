from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "coopnet.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from . import permissions  # noqa: F401  (registers the rules)
        from .groups import sync_role_groups

        post_migrate.connect(sync_role_groups, dispatch_uid="coopnet.accounts.sync_role_groups")

        from django.contrib.auth.signals import user_logged_in

        from .middleware import start_idle_clock

        user_logged_in.connect(start_idle_clock, dispatch_uid="coopnet.accounts.idle_clock")

        from coopnet.core.mail import register_language_lookup

        from .selectors import email_languages

        register_language_lookup("accounts.users", email_languages)
