"""Networks and groups in API v1 (included by coopnet.api.urls; names are api:<name>)."""

from django.urls import URLPattern, URLResolver
from rest_framework.routers import SimpleRouter

from .api import GroupViewSet

router = SimpleRouter()
router.register("groups", GroupViewSet, basename="group")

urlpatterns: list[URLPattern | URLResolver] = list(router.urls)
