from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils import timezone

from coopnet.accounts.permissions import is_board_member, is_network_admin, is_staff_role
from coopnet.members import selectors as members

from .caching import cache_public_page
from .selectors import latest_reported, network_principles


@login_not_required
@cache_public_page
def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "core/home.html",
        {
            "today": today,
            "stats": members.membership_stats_cached(today),
            "published": latest_reported(["councils-citizens", "councils-budget"]),
            "principles": network_principles(),
        },
    )


def dashboard(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "core/dashboard.html",
        {
            "organisations": members.organisations_managed_by(request.user),
            "finance_staff": is_staff_role(request.user),
            "board_member": is_board_member(request.user) or is_network_admin(request.user),
        },
    )


@login_not_required
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


@login_not_required
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")


@login_not_required
def favicon(request: HttpRequest) -> HttpResponse:
    return redirect(static("images/favicon.svg"), permanent=True)
