"""Finance in API v1 (included by coopnet.api.urls; names are api:<name>)."""

from django.urls import URLPattern, URLResolver
from rest_framework.routers import SimpleRouter

from .api import InvoiceViewSet

router = SimpleRouter()
router.register("finance/invoices", InvoiceViewSet, basename="invoice")

urlpatterns: list[URLPattern | URLResolver] = [*router.urls]
