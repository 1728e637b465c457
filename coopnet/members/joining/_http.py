from __future__ import annotations

from django.http import HttpRequest, QueryDict


def posted(request: HttpRequest) -> QueryDict | None:
    """The form data of a POST, even an empty one (an empty POST must still be validated)."""
    return request.POST if request.method == "POST" else None
