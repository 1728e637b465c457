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

        from coopnet.core.personal_data import ERASED_EMAIL, ERASED_NAME, register_copied_details

        # An invitation copies the invited person's name and address.
        register_copied_details(
            "accounts.Invitation",
            match="email",
            replace={"email": ERASED_EMAIL, "full_name": ERASED_NAME},
        )

        from datetime import timedelta

        from django.utils.translation import gettext_noop

        from coopnet.core.personal_data import register_retention, words

        from .models import Invitation

        register_retention(
            "accounts.unaccepted_invitations",
            title=_("Invitations never accepted"),
            keep=words(gettext_noop("%(days)d days after they expire"), days=90),
            due=lambda now: Invitation.objects.filter(
                accepted_at__isnull=True, expires_at__lt=now - timedelta(days=90)
            ),
        )
