"""What funding asks of a signed-in person, on their dashboard (`coopnet.core.dashboard`)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from coopnet.core.dashboard import ACTION_LIMIT, ToDoItem, to_do
from coopnet.members.selectors import managed_organisation_ids

from . import selectors


def bids_to_review(request: HttpRequest) -> dict[str, Any] | None:
    person = getattr(request.user, "person", None)
    if person is None:
        return None
    qs = selectors.reviews_to_do(person)
    items = [
        ToDoItem(a.bid.title, reverse("funding:review", args=[a.pk]), str(a.bid.round))
        for a in qs[:ACTION_LIMIT]
    ]
    return to_do(
        _("Bids to review"),
        items,
        total=qs.count() if items else 0,
        more_url=reverse("funding:my_bids"),
        more_label=_("All your bids and reviews"),
    )


def reports_due(request: HttpRequest) -> dict[str, Any] | None:
    ids = managed_organisation_ids(request.user)
    if not ids:
        return None
    qs = selectors.reports_due_for(ids)
    items = [
        ToDoItem(
            f"{r.get_kind_display()}: {r.project.title}",
            reverse("funding:report", args=[r.pk]),
            _("due %(date)s") % {"date": date_format(r.due_on, "j F Y")},
        )
        for r in qs[:ACTION_LIMIT]
    ]
    return to_do(_("Reports due"), items, total=qs.count() if items else 0)
