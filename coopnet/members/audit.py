"""Staff read and export one organisation's or one person's audit trail (`coopnet.core.audit`)."""

from __future__ import annotations

from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.core.audit import audit_trail_for
from coopnet.core.csvfiles import write_table
from coopnet.core.guard import require

from .models import Organisation, Person

PERM = "members.read_audit_trail"
CSV_COLUMNS = ("when", "by", "action", "what", "why", "records")


def _page(request: HttpRequest, record: Model, *, heading: str, csv_url: str) -> HttpResponse:
    require(request.user, PERM, record)
    return render(
        request,
        "members/audit_trail.html",
        {
            "record": record,
            "heading": heading,
            "entries": audit_trail_for(record)[:500],
            "csv_url": csv_url,
        },
    )


def _csv(request: HttpRequest, record: Model, filename: str) -> HttpResponse:
    require(request.user, PERM, record)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # spreadsheets read UTF-8 with a byte-order mark
    rows = (
        {
            "when": timezone.localtime(entry.at).isoformat(timespec="seconds"),
            "by": entry.actor_label,
            "action": entry.action,
            "what": entry.summary,
            "why": entry.reason,
            "records": "; ".join(s.label for s in entry.subjects.all()),
        }
        for entry in audit_trail_for(record).iterator(chunk_size=500)
    )
    write_table(response, CSV_COLUMNS, rows)
    return response


def organisation_audit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    return _page(
        request,
        organisation,
        heading=_("Audit trail of %(name)s") % {"name": organisation.name},
        csv_url=reverse("members:organisation_audit_csv", kwargs={"slug": organisation.slug}),
    )


def organisation_audit_csv(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug)
    return _csv(request, organisation, f"audit-{organisation.slug}.csv")


def person_audit(request: HttpRequest, slug: str) -> HttpResponse:
    person = get_object_or_404(Person, slug=slug)
    return _page(
        request,
        person,
        heading=_("Audit trail of %(name)s") % {"name": person.full_name},
        csv_url=reverse("members:person_audit_csv", kwargs={"slug": person.slug}),
    )


def person_audit_csv(request: HttpRequest, slug: str) -> HttpResponse:
    person = get_object_or_404(Person, slug=slug)
    return _csv(request, person, f"audit-person-{person.slug}.csv")
