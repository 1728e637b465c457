from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngagementConfig(AppConfig):
    name = "coopnet.engagement"
    verbose_name = _("Networks, groups and newsletter")

    def ready(self) -> None:
        from coopnet.core.personal_data import ERASED_EMAIL, register_copied_details
        from coopnet.core.versioning import register_public_models

        from . import permissions  # noqa: F401  (registers the rules)
        from .models import Group

        # A group's name shows on remembered pages (an event's page names its group).
        register_public_models(Group)

        # A subscriber is an address (kept, erased, so that deliveries keep their shape); an
        # erased subscriber is never written to again.
        register_copied_details(
            "engagement.Subscriber",
            match="email",
            replace={
                "email": ERASED_EMAIL,
                "name": "",
                "status": "unsubscribed",
                "consent_wording": "",
            },
        )
        register_copied_details(
            "engagement.Delivery", match="email", replace={"email": ERASED_EMAIL}
        )

        from datetime import timedelta

        from django.utils.translation import gettext_noop

        from coopnet.core.personal_data import register_retention, words

        from .models import Subscriber

        register_retention(
            "engagement.unconfirmed_subscribers",
            title=_("Newsletter sign-ups never confirmed"),
            keep=words(gettext_noop("%(days)d days after signing up"), days=30),
            due=lambda now: Subscriber.objects.filter(
                status=Subscriber.Status.PENDING,
                created_at__lt=now - timedelta(days=30),
                deliveries__isnull=True,
            ),
        )
