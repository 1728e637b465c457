"""Staff pages: the notices published for an arrangement, entered and corrected with history."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from coopnet.core.errors import reported
from coopnet.core.guard import require

from .. import selectors, services
from ..forms import NoticeForm
from ..models import Arrangement, Notice


def notices(request: HttpRequest, slug: str) -> HttpResponse:
    require(request.user, "procurement.manage")
    arrangement = get_object_or_404(Arrangement, slug=slug)
    form = NoticeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            notice = services.notice_add(
                arrangement=arrangement, by=request.user, **form.cleaned_data
            )
        if outcome.ok:
            messages.success(
                request,
                _("The notice %(reference)s is recorded.") % {"reference": notice.reference},
            )
            return redirect("procurement:notices", slug=arrangement.slug)
    return render(
        request,
        "procurement/notices.html",
        {
            "arrangement": arrangement,
            "notices": selectors.notices_of(arrangement),
            "form": form,
        },
    )


def notice_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "procurement.manage")
    notice = get_object_or_404(Notice.objects.select_related("arrangement"), pk=pk)
    initial = {f: getattr(notice, f) for f in ("title", "reference", "published_on", "url")}
    form = NoticeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.notice_update(notice=notice, by=request.user, **form.cleaned_data)
        if outcome.ok:
            messages.success(request, _("The notice is changed."))
            return redirect("procurement:notices", slug=notice.arrangement.slug)
    return render(
        request,
        "procurement/notice_edit.html",
        {
            "notice": notice,
            "arrangement": notice.arrangement,
            "form": form,
            "changes": selectors.notice_changes(notice),
            "back": reverse("procurement:notices", kwargs={"slug": notice.arrangement.slug}),
        },
    )
