from django.urls import URLPattern, URLResolver

app_name = "finance"
urlpatterns: list[URLPattern | URLResolver] = []
