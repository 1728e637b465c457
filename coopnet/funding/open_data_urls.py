"""Open data, mounted at /open-data/."""

from django.urls import URLPattern, URLResolver

app_name = "open_data"
urlpatterns: list[URLPattern | URLResolver] = []
