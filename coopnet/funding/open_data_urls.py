"""Open data, mounted at /open-data/."""

from django.urls import path

from .views import open_data

app_name = "open_data"
urlpatterns = [
    path("", open_data.index, name="index"),
    path("360giving.json", open_data.giving_json, name="360giving_json"),
    path("360giving.csv", open_data.giving_csv, name="360giving_csv"),
]
