from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "coopnet.events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from coopnet.core.opendata import register_dataset
        from coopnet.core.panels import register_panel
        from coopnet.core.search.registry import register
        from coopnet.core.versioning import register_public_models

        from . import permissions  # (registers the rules)

        permissions.register_files()  # who may see each file it keeps (coopnet.core.files)
        from .models import Event
        from .search import event_document, searchable_events
        from .selectors import group_events_panel

        register_public_models(Event)
        register_dataset("events.ical", template="events/_open_data.html", order=30)
        # A network's or group's page lists its events (engagement need not import events).
        register_panel(
            "group",
            "events.group_events",
            template="events/_group_events.html",
            context=group_events_panel,
        )
        register(
            Event,
            kind="event",
            document=event_document,
            queryset=searchable_events,
            label=_("Events"),
        )

        from . import report_sections

        report_sections.register()  # its sections of the network's reports (coopnet.core.reports)

        from coopnet.core.personal_data import ERASED_EMAIL, register_copied_details

        # A booking made by email holds the name and address typed in.
        register_copied_details(
            "events.Registration", match="email", replace={"name": "", "email": ERASED_EMAIL}
        )

        from datetime import timedelta

        from django.utils.translation import gettext_noop

        from coopnet.core.personal_data import ANONYMISE, register_retention, words

        from .models import Registration

        def _past_bookings(now):
            return Registration.objects.filter(
                user__isnull=True, event__ends_at__lt=now - timedelta(days=365)
            ).exclude(email__endswith="@erased.invalid")

        def _anonymise_bookings(rows) -> int:
            from coopnet.core.personal_data import erased_email

            count = 0
            for row in rows:
                values = {"name": "", "email": erased_email(row)}
                Registration.objects.filter(pk=row.pk).update(**values)
                Registration.history.filter(id=row.pk).update(**values)
                count += 1
            return count

        register_retention(
            "events.bookings_by_email",
            title=_("Bookings made by email, without an account"),
            keep=words(gettext_noop("%(days)d days after the event"), days=365),
            due=_past_bookings,
            action=ANONYMISE,
            apply=_anonymise_bookings,
        )
