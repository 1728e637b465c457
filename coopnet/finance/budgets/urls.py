from django.urls import path

from . import views

app_name = "budgets"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.create, name="create"),
    path("import/", views.import_budget, name="import"),
    path("<int:year>/", views.statement, name="statement"),
    path("<int:year>/statement.pdf", views.statement_pdf, name="statement_pdf"),
    path("<int:year>/export/<str:fmt>/", views.export, name="export"),
    path("<int:year>/edit/", views.edit, name="edit"),
    path("<int:year>/lines/add/", views.line_add, name="line_add"),
    path("<int:year>/lines/<int:line_id>/edit/", views.line_edit, name="line_edit"),
    path("<int:year>/lines/<int:line_id>/remove/", views.line_remove, name="line_remove"),
    path("<int:year>/projection/", views.projection, name="projection"),
    path(
        "<int:year>/projection/<int:assumption_id>/remove/",
        views.assumption_remove,
        name="assumption_remove",
    ),
    path("<int:year>/actuals/", views.actuals, name="actuals"),
    path("<int:year>/actuals/add/", views.spend_add, name="spend_add"),
]
