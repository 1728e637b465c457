from django.urls import path

from . import views

app_name = "strategy"
urlpatterns = [
    path("", views.strategy_list, name="list"),
    path("staff/coverage/", views.coverage, name="coverage"),
    path("staff/coverage/<slug:key>/", views.coverage_edit, name="coverage_edit"),
    path("staff/activities/<int:pk>/", views.activity_edit, name="activity_edit"),
    path("staff/measures/<int:pk>/value/", views.measure_value, name="measure_value"),
    path("staff/measures/<int:pk>/", views.measure_edit, name="measure_edit"),
    path("staff/objectives/<int:pk>/", views.objective_edit, name="objective_edit"),
    path("<slug:slug>/", views.strategy_page, name="strategy"),
    path("<slug:slug>/kpis/", views.kpis, name="kpis"),
]
