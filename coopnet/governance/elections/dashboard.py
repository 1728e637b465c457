"""Ballots a signed-in person may still cast, on their dashboard (`coopnet.core.dashboard`)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from coopnet.accounts.models import User
from coopnet.core.dashboard import ACTION_LIMIT, ToDoItem, to_do

from . import selectors


def ballots_to_cast(request: HttpRequest) -> dict[str, Any] | None:
    user = request.user
    if not isinstance(user, User) or getattr(user, "person", None) is None:
        return None
    ballots = selectors.ballots_to_cast(user)
    items = [
        ToDoItem(
            f"{b.election.title}: {b.contest.seat.name}",
            reverse("elections:ballot", args=[b.election.slug, b.contest.pk]),
            _("for %(organisation)s") % {"organisation": b.organisation.name},
        )
        for b in ballots[:ACTION_LIMIT]
    ]
    return to_do(_("Ballots to cast"), items, total=len(ballots))
