"""The constitution and terms of reference, with every adopted version."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.accounts.requests import signed_in_user
from coopnet.core.files import serve

from .. import selectors, services
from ..forms import DocumentVersionForm
from ..models import DocumentVersion, GovernanceDocument
from .common import MANAGE, form_page, require


@login_not_required
def document(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        doc = selectors.documents().get(slug=slug)
    except GovernanceDocument.DoesNotExist as exc:
        raise Http404(_("No document has that address.")) from exc
    return render(
        request,
        "governance/document.html",
        {
            "document": doc,
            "in_force": selectors.version_in_force(doc, timezone.localdate()),
            "can_manage": request.user.has_perm(MANAGE),
        },
    )


@login_not_required
def document_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    version = get_object_or_404(DocumentVersion, pk=pk)
    if not version.file:
        raise Http404(_("This version has no PDF."))
    return serve(request, version, "file", filename=f"{version.document.slug}-{version.pk}")


def document_version_add(request: HttpRequest, slug: str) -> HttpResponse:
    require(request, MANAGE)
    doc = get_object_or_404(GovernanceDocument, slug=slug)
    return form_page(
        request,
        DocumentVersionForm(request.POST or None, request.FILES or None),
        lambda data: services.document_version_add(
            document=doc,
            label=data["label"],
            adopted_on=data["adopted_on"],
            adopted_at=data["adopted_at"],
            text=data["text"],
            upload=data["file"],
            by=signed_in_user(request),
        ),
        done=lambda v: _("Version %(label)s has been recorded.") % {"label": v.label},
        then=doc,
        heading=_("Record an adopted version"),
        caption=doc,
        cancel=doc,
        multipart=True,
        submit=_("Record version"),
    )
