"""API version 1, mounted at /api/v1/.

The registry's views here are public; each capability's included part decides for its own views.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.urls import URLPattern, URLResolver, include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from coopnet.members.api import (
    ApplicationViewSet,
    MembershipStatsView,
    MembershipViewSet,
    OrganisationViewSet,
)

from . import views

app_name = "api"

router = SimpleRouter()
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("memberships", MembershipViewSet, basename="membership")
router.register("applications", ApplicationViewSet, basename="application")

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.ApiRootView.as_view(), name="root"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", views.docs, name="docs"),
    path("stats/membership/", MembershipStatsView.as_view(), name="membership-stats"),
    *router.urls,
    # Each capability's own part of the API (names are api:<name>).
    path("", include("coopnet.finance.api_urls")),
    path("", include("coopnet.finance.budgets.api_urls")),
    path("", include("coopnet.governance.api_urls")),
    path("", include("coopnet.governance.elections.api_urls")),
    path("", include("coopnet.funding.api_urls")),
    path("", include("coopnet.knowledge.api_urls")),
    path("", include("coopnet.engagement.api_urls")),
]

# DRF's as_view() already sets login_required = False; say so here rather than rely on it. (Views in
# the included parts decide for themselves: some are for signed-in users only.)
for pattern in urlpatterns:
    if isinstance(pattern, URLPattern):
        login_not_required(pattern.callback)
