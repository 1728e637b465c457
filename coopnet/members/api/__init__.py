"""The members app's API: the public registry (registry.py) and applications to join (staff only,
applications.py). Routes are published in coopnet/members/api_urls.py."""

from .applications import ApplicationViewSet
from .registry import (
    MembershipStatsView,
    MembershipViewSet,
    OrganisationViewSet,
)

__all__ = ["ApplicationViewSet", "MembershipStatsView", "MembershipViewSet", "OrganisationViewSet"]
