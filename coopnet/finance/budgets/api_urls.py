"""Budgets in API v1 (included by coopnet.api.urls; names are api:<name>)."""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
