from django.urls import URLPattern, URLResolver, path

from .views import discussions, groups

app_name = "engagement"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", groups.group_list, name="groups"),
    path("posts/<int:pk>/hide/", discussions.post_hide, name="post_hide"),
    path("posts/<int:pk>/report/", discussions.post_report, name="post_report"),
    path("<slug:slug>/", groups.group_detail, name="group"),
    path("<slug:slug>/join/", groups.group_join, name="join"),
    path("<slug:slug>/leave/", groups.group_leave, name="leave"),
    path("<slug:slug>/rules/", groups.rules_accept, name="rules_accept"),
    path("<slug:slug>/your-emails/", groups.group_preferences, name="preferences"),
    path("<slug:slug>/requests/", groups.group_requests, name="requests"),
    path(
        "<slug:slug>/requests/<int:pk>/<str:decision>/",
        groups.group_request_decide,
        name="request_decide",
    ),
    path("<slug:slug>/moderation/", discussions.moderation, name="moderation"),
    path("<slug:slug>/moderation/<int:pk>/close/", discussions.report_close, name="report_close"),
    path("<slug:slug>/discussions/", discussions.thread_list, name="threads"),
    path("<slug:slug>/discussions/new/", discussions.thread_new, name="thread_new"),
    path("<slug:slug>/discussions/<int:pk>/", discussions.thread_detail, name="thread"),
    path("<slug:slug>/discussions/<int:pk>/lock/", discussions.thread_lock, name="thread_lock"),
    path("<slug:slug>/discussions/<int:pk>/hide/", discussions.thread_hide, name="thread_hide"),
]
