"""Applications to join that wait for a decision, on the dashboard (`coopnet.core.dashboard`)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from coopnet.core.dashboard import ACTION_LIMIT, ToDoItem, to_do
from coopnet.core.guard import allowed

from . import selectors


def applications_to_decide(request: HttpRequest) -> dict[str, Any] | None:
    if not allowed(request.user, "members.review_applications"):
        return None
    qs = selectors.applications_to_decide()
    items = [
        ToDoItem(
            a.display_name,
            reverse("joining:application", args=[a.pk]),
            _("sent %(date)s") % {"date": date_format(a.submitted_at, "j F Y")}
            if a.submitted_at
            else "",
        )
        for a in qs[:ACTION_LIMIT]
    ]
    return to_do(
        _("Applications to decide"),
        items,
        total=qs.count() if items else 0,
        more_url=reverse("joining:queue") + "?status=submitted",
        more_label=_("All applications to join"),
    )
