from django.urls import path

from .views import bids, projects, public, review

app_name = "funding"
urlpatterns = [
    path("", public.projects, name="projects"),
    path("kpis/", public.kpis, name="kpis"),
    path("rounds/", public.rounds, name="rounds"),
    path("rounds/new/", bids.round_new, name="round_new"),
    path("rounds/<int:year>/", public.round_detail, name="round"),
    path("rounds/<int:year>/bid/", bids.bid_new, name="bid_new"),
    path("rounds/<int:year>/panel/", review.panel, name="panel"),
    path("bids/", bids.my_bids, name="my_bids"),
    path("bids/<int:pk>/", bids.bid_detail, name="bid"),
    path("bids/<int:pk>/edit/", bids.bid_edit, name="bid_edit"),
    path("bids/<int:pk>/partners/add/", bids.bid_partner_add, name="bid_partner_add"),
    path(
        "bids/<int:pk>/partners/<int:partner_id>/remove/",
        bids.bid_partner_remove,
        name="bid_partner_remove",
    ),
    path(
        "bids/<int:pk>/partners/<int:partner_id>/confirm/",
        bids.bid_partner_confirm,
        name="bid_partner_confirm",
    ),
    path("bids/<int:pk>/documents/add/", bids.bid_document_add, name="bid_document_add"),
    path("bids/<int:pk>/documents/<int:document_id>/", bids.bid_document, name="bid_document"),
    path("bids/<int:pk>/submit/", bids.bid_submit, name="bid_submit"),
    path("bids/<int:pk>/withdraw/", bids.bid_withdraw, name="bid_withdraw"),
    path("bids/<int:pk>/carry-forward/", bids.bid_carry_forward, name="bid_carry_forward"),
    path("bids/<int:pk>/reviewers/", review.bid_reviewers, name="bid_reviewers"),
    path("bids/<int:pk>/decide/", review.decide, name="decide"),
    path("reviews/<int:pk>/", review.review, name="review"),
    path("reviews/<int:pk>/conflict/", review.review_conflict, name="review_conflict"),
    path("projects/<slug:slug>/", public.project, name="project"),
    path("projects/<slug:slug>/manage/", projects.project_manage, name="project_manage"),
    path("projects/<slug:slug>/agreement.pdf", projects.agreement_pdf, name="agreement"),
    path("projects/<slug:slug>/agreement/signed/", projects.agreement_sign, name="agreement_sign"),
    path("projects/<slug:slug>/status/", projects.project_status, name="project_status"),
    path("projects/<slug:slug>/follow-up/", projects.follow_up, name="follow_up"),
    path("reports/<int:pk>/", projects.report, name="report"),
    path("reports/<int:pk>/review/", projects.report_review, name="report_review"),
]
