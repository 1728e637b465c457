from __future__ import annotations

from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from ..models import CaseStudy
from ..selectors import case_study_for_page

PAGE_SIZE = 20


def refuse(request: HttpRequest) -> Any:
    """Anonymous visitors are asked to sign in; signed-in people without permission get 403."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


def case_study_or_404(slug: str) -> CaseStudy:
    try:
        return case_study_for_page(slug)
    except CaseStudy.DoesNotExist as exc:
        raise Http404(_("No case study has that address.")) from exc
