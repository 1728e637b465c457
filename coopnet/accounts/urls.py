from django.urls import path

from . import views

app_name = "account_settings"
urlpatterns = [
    path("language/", views.email_language, name="email_language"),
    path("sign-in-locks/", views.sign_in_locks, name="sign_in_locks"),
    path("sign-in-locks/<int:pk>/unlock/", views.unlock_sign_in, name="unlock_sign_in"),
    path("api-tokens/", views.api_tokens, name="api_tokens"),
    path("api-tokens/<int:pk>/revoke/", views.api_token_revoke, name="api_token_revoke"),
]
