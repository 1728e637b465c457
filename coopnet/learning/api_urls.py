"""Learning in API v1 (included by coopnet.api.urls; names are api:<name>).

Programmes, frameworks and published reports are public; self-assessments need signing in and
show only what the user may see."""

from django.contrib.auth.decorators import login_not_required
from django.urls import URLPattern, URLResolver
from rest_framework.routers import SimpleRouter

from .api import AssessmentViewSet, FrameworkViewSet, ProgrammeViewSet, ReviewViewSet

router = SimpleRouter()
router.register("learning/programmes", ProgrammeViewSet, basename="learning-programme")
router.register("learning/frameworks", FrameworkViewSet, basename="learning-framework")
router.register("learning/assessments", AssessmentViewSet, basename="learning-assessment")
router.register("learning/reviews", ReviewViewSet, basename="learning-review")

urlpatterns: list[URLPattern | URLResolver] = list(router.urls)

# DRF's as_view() already sets login_required = False; the views' permissions decide.
for pattern in urlpatterns:
    if isinstance(pattern, URLPattern):
        login_not_required(pattern.callback)
