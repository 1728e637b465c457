"""API version 1, mounted at /api/v1/: the root, the schema and docs, and each app's part.

This module only composes: every app publishes its routes in its own `api_urls.py` (names are
api:<name>) and decides there who may use them. Shared helpers (fields, pagination,
permissions) live in `coopnet.core.api`.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.urls import URLPattern, URLResolver, include, path, re_path
from drf_spectacular.views import SpectacularAPIView

from . import views

app_name = "api"

APP_PARTS = (
    "coopnet.members.api_urls",
    "coopnet.finance.api_urls",
    "coopnet.finance.budgets.api_urls",
    "coopnet.governance.api_urls",
    "coopnet.governance.elections.api_urls",
    "coopnet.funding.api_urls",
    "coopnet.knowledge.api_urls",
    "coopnet.events.api_urls",
    "coopnet.engagement.api_urls",
    "coopnet.procurement.api_urls",
    "coopnet.learning.api_urls",
)

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.ApiRootView.as_view(), name="root"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", views.docs, name="docs"),
    *(path("", include(part)) for part in APP_PARTS),
    # Last: an address that names nothing answers JSON, not the site's HTML page.
    re_path(r"^(?P<rest>[\s\S]+/)$", views.NotFoundView.as_view(), name="not_found"),
]

# DRF's as_view() already sets login_required = False; say so here rather than rely on it. (Views in
# the included parts decide for themselves: some are for signed-in users only.)
for pattern in urlpatterns:
    if isinstance(pattern, URLPattern):
        login_not_required(pattern.callback)
