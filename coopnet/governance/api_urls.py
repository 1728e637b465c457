"""Governance in API v1 (included by coopnet.api.urls; names are api:<name>)."""

from django.urls import URLPattern, URLResolver
from rest_framework.routers import SimpleRouter

from .api import AppointmentViewSet, BodyViewSet, MeetingViewSet, SeatViewSet

router = SimpleRouter()
router.register("governance/bodies", BodyViewSet, basename="body")
router.register("governance/seats", SeatViewSet, basename="seat")
router.register("governance/appointments", AppointmentViewSet, basename="appointment")
router.register("governance/meetings", MeetingViewSet, basename="meeting")

urlpatterns: list[URLPattern | URLResolver] = list(router.urls)
