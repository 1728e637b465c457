from django.urls import URLPattern, URLResolver, path

from .views import newsletter

app_name = "newsletter"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", newsletter.signup, name="signup"),
    path("check-your-email/", newsletter.signup_done, name="signup_done"),
    path("confirm/<str:token>/", newsletter.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", newsletter.unsubscribe, name="unsubscribe"),
    path("issues/", newsletter.issue_list, name="issues"),
    path("issues/new/", newsletter.issue_new, name="issue_new"),
    path("issues/bounce/", newsletter.bounce, name="bounce"),
    path("issues/<int:pk>/", newsletter.issue_detail, name="issue"),
    path("issues/<int:pk>/edit/", newsletter.issue_edit, name="issue_edit"),
    path("issues/<int:pk>/test/", newsletter.issue_test, name="issue_test"),
    path("issues/<int:pk>/send/", newsletter.issue_send, name="issue_send"),
    path("issues/<int:pk>/progress/", newsletter.issue_progress, name="progress"),
]
