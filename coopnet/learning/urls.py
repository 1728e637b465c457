from django.urls import path

from .views import assessments, reviews, training

app_name = "learning"
urlpatterns = [
    path("", training.programmes, name="programmes"),
    path("mine/", training.my_learning, name="mine"),
    path("programmes/<slug:slug>/enrol/", training.enrol, name="enrol"),
    path("enrolments/<int:pk>/complete/", training.enrolment_complete, name="enrolment_complete"),
    path("enrolments/<int:pk>/certificate/", training.certificate, name="certificate"),
    path("inductions/", training.inductions, name="inductions"),
    path("inductions/<int:pk>/", training.induction, name="induction"),
    path(
        "inductions/<int:pk>/items/<int:item_id>/",
        training.induction_tick,
        name="induction_tick",
    ),
    path(
        "councils/<slug:slug>/assessments/",
        assessments.council_assessments,
        name="council_assessments",
    ),
    path("assessments/<int:pk>/", assessments.assessment, name="assessment"),
    path("assessments/<int:pk>/edit/", assessments.assessment_edit, name="assessment_edit"),
    path("assessments/<int:pk>/invite/", assessments.assessment_invite, name="assessment_invite"),
    path("assessments/<int:pk>/links/", assessments.assessment_link, name="assessment_link"),
    path(
        "assessments/<int:pk>/evidence/",
        assessments.assessment_evidence,
        name="assessment_evidence",
    ),
    path(
        "assessments/<int:pk>/evidence/<int:file_id>/",
        assessments.evidence_file,
        name="evidence_file",
    ),
    path("assessments/<int:pk>/submit/", assessments.assessment_submit, name="assessment_submit"),
    path("reviews/", reviews.reviews, name="reviews"),
    path("reviews/new/", reviews.review_new, name="review_new"),
    path("reviews/<int:pk>/", reviews.review, name="review"),
    path("reviews/<int:pk>/reviewers/", reviews.review_reviewers, name="review_reviewers"),
    path("reviews/<int:pk>/share/", reviews.review_share, name="review_share"),
    path(
        "reviews/<int:pk>/findings/<slug:principle>/",
        reviews.review_findings,
        name="review_findings",
    ),
    path("reviews/<int:pk>/agree/", reviews.review_agree, name="review_agree"),
    path("reviews/<int:pk>/publish/", reviews.review_publish, name="review_publish"),
    path("reviews/<int:pk>/report/", reviews.report, name="report"),
    path("reviews/<int:pk>/report.pdf", reviews.report_pdf, name="report_pdf"),
    path("actions/<int:pk>/complete/", reviews.action_complete, name="action_complete"),
    path("conflicts/declare/", reviews.conflict_declare, name="conflict_declare"),
    path("network/", reviews.network, name="network"),
]
