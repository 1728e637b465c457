from django.urls import path

from . import views

# Kept in the "accounts" namespace: the pages live under /accounts/ and links name them so.
app_name = "accounts"
urlpatterns = [
    path("invite/", views.invite, name="invite"),
    path("invitation/<str:token>/", views.accept, name="accept"),
]
