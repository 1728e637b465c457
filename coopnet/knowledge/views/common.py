from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _

from ..models import CaseStudy
from ..selectors import case_study_for_page

PAGE_SIZE = 20


def case_study_or_404(slug: str) -> CaseStudy:
    try:
        return case_study_for_page(slug)
    except CaseStudy.DoesNotExist as exc:
        raise Http404(_("No case study has that address.")) from exc
