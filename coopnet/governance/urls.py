from django.urls import path

from .views import bodies, documents, meetings, minutes

app_name = "governance"
urlpatterns = [
    path("", bodies.bodies, name="bodies"),
    path("meetings/new/", meetings.meeting_create, name="meeting_create"),
    path("meetings/<int:pk>/", meetings.meeting, name="meeting"),
    path("meetings/<int:pk>/agenda/add/", meetings.agenda_item_add, name="agenda_item_add"),
    path("meetings/<int:pk>/agenda/<int:item>/papers/add/", meetings.paper_add, name="paper_add"),
    path(
        "meetings/<int:pk>/agenda/<int:item>/decisions/add/",
        meetings.decision_add,
        name="decision_add",
    ),
    path(
        "meetings/<int:pk>/agenda/<int:item>/actions/add/", meetings.action_add, name="action_add"
    ),
    path("meetings/<int:pk>/attendance/", meetings.attendance, name="attendance"),
    path("meetings/<int:pk>/minutes/", minutes.minutes, name="minutes"),
    path("meetings/<int:pk>/minutes.pdf", minutes.minutes_pdf, name="minutes_pdf"),
    path("meetings/<int:pk>/minutes/edit/", minutes.minutes_edit, name="minutes_edit"),
    path(
        "meetings/<int:pk>/minutes/circulate/", minutes.minutes_circulate, name="minutes_circulate"
    ),
    path("meetings/<int:pk>/minutes/comment/", minutes.minutes_comment, name="minutes_comment"),
    path("meetings/<int:pk>/minutes/approve/", minutes.minutes_approve, name="minutes_approve"),
    path("meetings/<int:pk>/minutes/publish/", minutes.minutes_publish, name="minutes_publish"),
    path("papers/<int:pk>/", meetings.paper, name="paper"),
    path("actions/<int:pk>/done/", meetings.action_done, name="action_done"),
    path("appointments/<int:pk>/end/", bodies.appointment_end, name="appointment_end"),
    path("people/<slug:slug>/photo/", bodies.member_photo, name="member_photo"),
    path("documents/<slug:slug>/", documents.document, name="document"),
    path(
        "documents/<slug:slug>/versions/add/",
        documents.document_version_add,
        name="document_version_add",
    ),
    path("document-versions/<int:pk>.pdf", documents.document_file, name="document_file"),
    path("<slug:slug>/", bodies.body, name="body"),
    path("<slug:slug>/appoint/", bodies.appointment_add, name="appointment_add"),
    path("<slug:slug>/meetings/", meetings.meetings, name="meetings"),
    path("<slug:slug>/actions/", bodies.action_log, name="actions"),
]
