from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("review/", views.reviews, name="reviews"),
    path("review/<int:year>/", views.review, name="review"),
    path("review/<int:year>/text/", views.year_text, name="year_text"),
    path("generated/<int:pk>/", views.generation, name="generation"),
    path("generated/<int:pk>/pdf/", views.generation_pdf, name="generation_pdf"),
    path("generated/<int:pk>/regenerate/", views.regenerate, name="regenerate"),
    path("generated/<int:pk>/publish/", views.publish, name="publish"),
    path("generated/<int:pk>/compare/<int:other>/", views.compare, name="compare"),
]
