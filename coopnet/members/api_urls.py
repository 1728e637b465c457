"""The registry in API v1 (included by coopnet.api.urls; names are api:<name>).

The registry's views are public, except applications to join (staff only)."""

from django.contrib.auth.decorators import login_not_required
from django.urls import URLPattern, URLResolver, path
from rest_framework.routers import SimpleRouter

from .api import ApplicationViewSet, MembershipStatsView, MembershipViewSet, OrganisationViewSet

router = SimpleRouter()
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("memberships", MembershipViewSet, basename="membership")
router.register("applications", ApplicationViewSet, basename="application")

urlpatterns: list[URLPattern | URLResolver] = [
    path("stats/membership/", MembershipStatsView.as_view(), name="membership-stats"),
    *router.urls,
]

# DRF's as_view() already sets login_required = False; say so here rather than rely on it.
for pattern in urlpatterns:
    if isinstance(pattern, URLPattern):
        login_not_required(pattern.callback)
