"""API version 1, mounted at /api/v1/. Every view here is public: it opts out of sign-in."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.urls import URLPattern, URLResolver, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from coopnet.members.api import MembershipStatsView, MembershipViewSet, OrganisationViewSet

from . import views

app_name = "api"

router = SimpleRouter()
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("memberships", MembershipViewSet, basename="membership")

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.ApiRootView.as_view(), name="root"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", views.docs, name="docs"),
    path("stats/membership/", MembershipStatsView.as_view(), name="membership-stats"),
    *router.urls,
]

# DRF's as_view() already sets login_required = False; say so here rather than rely on it.
for pattern in urlpatterns:
    if isinstance(pattern, URLPattern):
        login_not_required(pattern.callback)
