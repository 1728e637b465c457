"""Knowledge's panels on other apps' pages (`coopnet.core.panels`)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from coopnet.members.models import Organisation

from .selectors import case_studies_for


def organisation_case_studies(request: HttpRequest, organisation: Organisation) -> dict[str, Any]:
    return {"case_studies": case_studies_for(organisation)}
