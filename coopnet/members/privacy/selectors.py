from __future__ import annotations

from django.db.models import Q, QuerySet

from ..models import Person, SubjectAccessExport

SEARCH_LIMIT = 25


def people_matching(q: str) -> QuerySet[Person]:
    """People whose name or either email address contains `q`, for staff handling a request."""
    if not q:
        return Person.objects.none()
    return (
        Person.objects.filter(
            Q(full_name__icontains=q) | Q(email__icontains=q) | Q(user__email__icontains=q)
        )
        .select_related("user")
        .order_by("full_name", "pk")[:SEARCH_LIMIT]
    )


def recent_exports(person: Person | None = None) -> QuerySet[SubjectAccessExport]:
    exports = SubjectAccessExport.objects.select_related("person", "requested_by", "downloaded_by")
    if person is not None:
        exports = exports.filter(person=person)
    return exports.order_by("-created_at", "-pk")[:50]
