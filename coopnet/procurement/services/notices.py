"""Notices published for an arrangement (references and dates), entered by network staff."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.core.actors import acting_as
from coopnet.core.audit import audit_record
from coopnet.core.guard import require

from ..errors import ProcurementError
from ..models import Arrangement, Notice


def _clean(
    *,
    arrangement: Arrangement,
    title: str,
    reference: str,
    published_on: date | None,
    url: str,
    notice: Notice | None,
) -> dict[str, Any]:
    title, reference = title.strip(), reference.strip()
    if not title:
        raise ProcurementError(_("Enter the kind of notice."), field="title")
    if not reference:
        raise ProcurementError(_("Enter the notice's reference."), field="reference")
    if published_on is None:
        raise ProcurementError(_("Enter the date the notice was published."), field="published_on")
    if published_on > timezone.localdate():
        raise ProcurementError(
            _("The publication date must be today or in the past."), field="published_on"
        )
    same = Notice.objects.filter(arrangement=arrangement, reference__iexact=reference)
    if notice is not None:
        same = same.exclude(pk=notice.pk)
    if same.exists():
        raise ProcurementError(
            _("A notice with the reference %(reference)s is already recorded for %(name)s.")
            % {"reference": reference, "name": arrangement.name},
            field="reference",
        )
    return {"title": title, "reference": reference, "published_on": published_on, "url": url}


@transaction.atomic
def notice_add(
    *,
    arrangement: Arrangement,
    title: str,
    reference: str,
    published_on: date | None,
    url: str = "",
    by: Any,
) -> Notice:
    require(by, "procurement.manage", message=_("Only network staff record notices."))
    values = _clean(
        arrangement=arrangement,
        title=title,
        reference=reference,
        published_on=published_on,
        url=url,
        notice=None,
    )
    with acting_as(by):
        notice = Notice.objects.create(arrangement=arrangement, **values)
        audit_record(
            by=by,
            action="procurement_notice.added",
            target=notice,
            about=[arrangement],
            summary=_("Notice %(reference)s recorded") % {"reference": notice.reference},
        )
    return notice


@transaction.atomic
def notice_update(
    *,
    notice: Notice,
    title: str,
    reference: str,
    published_on: date | None,
    url: str = "",
    by: Any,
) -> Notice:
    require(by, "procurement.manage", message=_("Only network staff record notices."))
    with acting_as(by):
        notice = Notice.objects.select_for_update(of=("self",)).get(pk=notice.pk)
        values = _clean(
            arrangement=notice.arrangement,
            title=title,
            reference=reference,
            published_on=published_on,
            url=url,
            notice=notice,
        )
        for field, value in values.items():
            setattr(notice, field, value)
        notice.save()
        audit_record(
            by=by,
            action="procurement_notice.changed",
            target=notice,
            about=[notice.arrangement],
            summary=_("Notice %(reference)s changed") % {"reference": notice.reference},
        )
    return notice
