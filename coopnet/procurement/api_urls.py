"""Procurement in API v1 (included by coopnet.api.urls; names are api:<name>).

The arrangements and their suppliers are public; the evaluation queue is for network staff; the
`my/` lists are for signed-in people."""

from django.contrib.auth.decorators import login_not_required
from django.urls import URLPattern, URLResolver
from rest_framework.routers import SimpleRouter

from .api import (
    ArrangementViewSet,
    EvaluationQueueViewSet,
    MyCallOffViewSet,
    MySupplierApplicationViewSet,
)

router = SimpleRouter()
router.register("procurement/arrangements", ArrangementViewSet, basename="procurement-arrangement")
router.register(
    "procurement/evaluation-queue", EvaluationQueueViewSet, basename="procurement-evaluation"
)
router.register(
    "my/supplier-applications", MySupplierApplicationViewSet, basename="my-supplier-application"
)
router.register("my/call-offs", MyCallOffViewSet, basename="my-call-off")

urlpatterns: list[URLPattern | URLResolver] = [*router.urls]

# DRF's as_view() already sets login_required = False; say so here rather than rely on it.
for pattern in urlpatterns:
    if isinstance(pattern, URLPattern):
        login_not_required(pattern.callback)
