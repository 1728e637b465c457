"""Who may do what with events. Views check these; services check them again for writes.

- Anyone may read published events; organisers and staff also see drafts and submissions.
- People who manage a member organisation's profile submit events for it and edit their own.
- Network admins moderate (publish, return with a comment, reject) and edit any event.
- Any signed-in person may book a place; a person cancels only their own registration.
"""

from __future__ import annotations

import rules

from coopnet.accounts.permissions import is_network_admin
from coopnet.core.files import register_file
from coopnet.core.guard import allowed
from coopnet.members.permissions import manages_organisation, manages_some_organisation


@rules.predicate
def organises(user, event) -> bool:
    """The user manages the profile of the event's organiser organisation."""
    return bool(
        event is not None and event.organiser_id and manages_organisation(user, event.organiser)
    )


@rules.predicate
def is_published(user, event) -> bool:
    return bool(event is not None and event.is_published)


@rules.predicate
def is_signed_in(user) -> bool:
    return bool(user and user.is_authenticated)


@rules.predicate
def owns_registration(user, registration) -> bool:
    return bool(
        registration is not None
        and user
        and user.is_authenticated
        and registration.user_id == user.pk
    )


rules.add_perm("events.view_event", is_published | is_network_admin | organises)
rules.add_perm("events.submit_event", is_network_admin | manages_some_organisation)
rules.add_perm("events.change_event", is_network_admin | organises)
rules.add_perm("events.moderate", is_network_admin)
rules.add_perm("events.book", is_signed_in & is_published)
rules.add_perm("events.cancel_registration", is_network_admin | owns_registration)
rules.add_perm("events.view_registrations", is_network_admin | organises)


def register_files() -> None:
    """Who may see each file events keeps (coopnet.core.files): an image, as its event."""
    register_file(
        "events.Event",
        "image",
        can_view=lambda user, event: allowed(user, "events.view_event", event),
    )
