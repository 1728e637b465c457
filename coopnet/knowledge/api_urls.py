"""Knowledge hub in API v1 (included by coopnet.api.urls; names are api:<name>)."""

from django.urls import URLPattern, URLResolver
from rest_framework.routers import SimpleRouter

from .api import CaseStudyViewSet, NewsPostViewSet, PublicationViewSet

router = SimpleRouter()
router.register("case-studies", CaseStudyViewSet, basename="case-study")
router.register("publications", PublicationViewSet, basename="publication")
router.register("news", NewsPostViewSet, basename="news-post")

urlpatterns: list[URLPattern | URLResolver] = list(router.urls)
