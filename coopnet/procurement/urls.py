from django.urls import path

from .views import buyers, notices, public, signup, staff, suppliers

app_name = "procurement"
urlpatterns = [
    path("", public.arrangements, name="arrangements"),
    path("evaluation/", staff.queue, name="queue"),
    path("applications/<int:pk>/", suppliers.application, name="application"),
    path("applications/<int:pk>/evaluate/", staff.evaluate, name="evaluate"),
    path("decisions/<int:pk>/decide/", staff.decide, name="decide"),
    path("applications/<int:pk>/extend/", staff.extend, name="extend"),
    path("admissions/<int:pk>/remove/", staff.admission_remove, name="admission_remove"),
    path("notices/<int:pk>/edit/", notices.notice_edit, name="notice_edit"),
    path("declarations/<int:pk>/", suppliers.declaration, name="declaration"),
    path("call-offs/", buyers.call_offs, name="calloffs"),
    path("call-offs/<int:pk>/", buyers.call_off, name="calloff"),
    path("call-offs/<int:pk>/issue/", buyers.issue, name="calloff_issue"),
    path("call-offs/<int:pk>/ask/", suppliers.ask, name="clarification_ask"),
    path("clarifications/<int:pk>/answer/", buyers.answer, name="clarification_answer"),
    path("call-offs/<int:pk>/tender/", suppliers.tender, name="tender"),
    path("call-offs/<int:pk>/open/", buyers.open_tenders, name="tenders_open"),
    path("call-offs/<int:pk>/evaluate/", buyers.evaluate, name="calloff_evaluate"),
    path("tenders/<int:pk>/score/", buyers.score, name="tender_score"),
    path("call-offs/<int:pk>/award/", buyers.award, name="calloff_award"),
    path("<slug:slug>/", public.arrangement, name="arrangement"),
    path("<slug:slug>/suppliers/", public.suppliers, name="suppliers"),
    path("<slug:slug>/apply/", suppliers.apply, name="apply"),
    path("<slug:slug>/apply/new-supplier/", signup.new_supplier, name="new_supplier"),
    path(
        "<slug:slug>/apply/new-supplier/sent/", signup.new_supplier_sent, name="new_supplier_sent"
    ),
    path(
        "<slug:slug>/declarations/request/",
        staff.declarations_request,
        name="declarations_request",
    ),
    path("<slug:slug>/notices/", notices.notices, name="notices"),
    path("<slug:slug>/call-offs/new/", buyers.call_off_new, name="calloff_new"),
]
