from django.urls import path

from . import views

app_name = "elections"
urlpatterns = [
    path("", views.election_list, name="list"),
    path("new/", views.election_create, name="create"),
    path("receipt/", views.receipt_check, name="receipt"),
    path("<slug:slug>/", views.election_detail, name="detail"),
    path("<slug:slug>/edit/", views.election_edit, name="edit"),
    path("<slug:slug>/manage/", views.election_manage, name="manage"),
    path("<slug:slug>/advance/", views.election_advance, name="advance"),
    path("<slug:slug>/electorate/", views.electorate, name="electorate"),
    path("<slug:slug>/can-i-vote/", views.can_i_vote, name="can_i_vote"),
    path("<slug:slug>/nominate/", views.nominate, name="nominate"),
    path("<slug:slug>/nominations/<int:pk>/", views.nomination_detail, name="nomination"),
    path(
        "<slug:slug>/nominations/<int:pk>/accept/",
        views.nomination_accept,
        name="nomination_accept",
    ),
    path(
        "<slug:slug>/nominations/<int:pk>/decline/",
        views.nomination_decline,
        name="nomination_decline",
    ),
    path("<slug:slug>/delegate/", views.delegate, name="delegate"),
    path("<slug:slug>/vote/<int:contest_id>/", views.ballot, name="ballot"),
    path("<slug:slug>/results.csv", views.results_csv, name="results_csv"),
    path("<slug:slug>/results.pdf", views.results_pdf, name="results_pdf"),
]
