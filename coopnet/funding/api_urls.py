"""Funded projects in API v1 (included by coopnet.api.urls; names are api:<name>)."""

from django.urls import URLPattern, URLResolver
from rest_framework.routers import SimpleRouter

from .api import ProjectViewSet

router = SimpleRouter()
router.register("funded-projects", ProjectViewSet, basename="funded-project")

urlpatterns: list[URLPattern | URLResolver] = [*router.urls]
