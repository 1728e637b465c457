"""What finance asks of a signed-in person, on their dashboard (`coopnet.core.dashboard`)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from coopnet.core.dashboard import ACTION_LIMIT, ToDoItem, to_do
from coopnet.core.money import format_money

from . import selectors


def invoices_due(request: HttpRequest) -> dict[str, Any] | None:
    if getattr(request.user, "person", None) is None:
        return None
    qs = selectors.invoices_due_for_user(request.user)
    items = [
        ToDoItem(
            f"{i.reference} – {i.organisation.name if i.organisation else i.person}",
            reverse("finance:invoice_detail", args=[i.reference]),
            _("%(amount)s to pay by %(date)s")
            % {
                "amount": format_money(i.outstanding),  # type: ignore[attr-defined]
                "date": date_format(i.due_on, "j F Y"),
            },
        )
        for i in qs[:ACTION_LIMIT]
    ]
    return to_do(
        _("Invoices to pay"),
        items,
        total=qs.count() if items else 0,
        more_url=reverse("finance:my_invoices"),
        more_label=_("All your organisation's invoices"),
    )
