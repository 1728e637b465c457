"""Procurement's open data, mounted at /open-data/ beside the other files."""

from django.urls import path

from .views import open_data

app_name = "procurement_open_data"
urlpatterns = [path("ocds.json", open_data.ocds_json, name="ocds_json")]
