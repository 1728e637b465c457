from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static

from .accessibility import statement


@login_not_required
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "core/accessibility.html",
        {**statement(), "contact_email": settings.NETWORK_CONTACT_EMAIL},
    )


@login_not_required
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")


@login_not_required
def favicon(request: HttpRequest) -> HttpResponse:
    return redirect(static("images/favicon.svg"), permanent=True)
