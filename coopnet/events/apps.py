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
