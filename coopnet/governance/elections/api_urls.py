"""Elections in API v1 (included by coopnet.api.urls; names are api:<name>)."""

from django.urls import URLPattern, URLResolver
from rest_framework.routers import SimpleRouter

from .api import ElectionViewSet

router = SimpleRouter()
router.register("elections", ElectionViewSet, basename="election")

urlpatterns: list[URLPattern | URLResolver] = [*router.urls]
