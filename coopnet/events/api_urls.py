"""Events in API v1 (included by coopnet.api.urls; names are api:<name>)."""

from django.urls import URLPattern, URLResolver
from rest_framework.routers import SimpleRouter

from .api import EventViewSet, MyRegistrationViewSet

router = SimpleRouter()
router.register("events", EventViewSet, basename="event")
router.register("my/event-registrations", MyRegistrationViewSet, basename="my-event-registration")

urlpatterns: list[URLPattern | URLResolver] = [*router.urls]
