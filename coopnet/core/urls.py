from django.urls import path

from . import views
from .health import views as health_views
from .search import views as search_views

app_name = "core"
urlpatterns = [
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("search/", search_views.search, name="search"),
    path("health/", health_views.health, name="health"),
    path("favicon.ico", views.favicon, name="favicon"),
]
