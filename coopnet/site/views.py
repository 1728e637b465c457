"""The home page and a person's dashboard: the top floor, free to read every app."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from coopnet.accounts.permissions import is_board_member, is_network_admin, is_staff_role
from coopnet.core.caching import cache_public_page, lazily
from coopnet.core.dashboard import action_panels, dashboard_panels
from coopnet.core.selectors import latest_reported, network_principles
from coopnet.events import selectors as events
from coopnet.funding import selectors as funding
from coopnet.governance.elections import selectors as elections
from coopnet.knowledge import selectors as knowledge
from coopnet.members import selectors as members


@login_not_required
@cache_public_page
def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    now = timezone.now()
    return render(
        request,
        "site/home.html",
        {
            "today": today,
            # read only when the page's part for everyone is not remembered
            **lazily(
                stats=lambda: members.membership_stats_cached(today),
                published=lambda: latest_reported(["councils-citizens", "councils-budget"]),
                principles=lambda: list(network_principles()),
                news=knowledge.recent_news,
                case_studies=knowledge.recent_case_studies,
                projects=funding.recent_projects,
                elections=lambda: list(elections.elections_under_way()),
                events=lambda: list(events.next_events(now=now)),
            ),
        },
    )


def dashboard(request: HttpRequest) -> HttpResponse:
    """What a signed-in person looks after today: organisations through
    `organisations_managed_by` (today's roles only), and the panels apps register."""
    return render(
        request,
        "site/dashboard.html",
        {
            "organisations": members.organisations_managed_by(request.user),
            "finance_staff": is_staff_role(request.user),
            "board_member": is_board_member(request.user) or is_network_admin(request.user),
            "runs_the_network": is_network_admin(request.user),
            "panels": dashboard_panels(request),
            "actions": action_panels(request),
        },
    )
