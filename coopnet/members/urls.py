from django.urls import path

from . import audit, views
from .privacy import views as privacy

app_name = "members"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("personal-data/", privacy.personal_data_index, name="personal_data"),
    path("personal-data/retention/", privacy.retention_schedule, name="retention_schedule"),
    path("personal-data/exports/<int:pk>/", privacy.access_export, name="access_export"),
    path(
        "personal-data/exports/<int:pk>/download/",
        privacy.access_export_download,
        name="access_export_download",
    ),
    path(
        "people/<slug:slug>/personal-data/",
        privacy.person_personal_data,
        name="person_personal_data",
    ),
    path("people/<slug:slug>/erase/", privacy.person_erase, name="person_erase"),
    path("people/<slug:slug>/audit/", audit.person_audit, name="person_audit"),
    path("people/<slug:slug>/audit.csv", audit.person_audit_csv, name="person_audit_csv"),
    path("<slug:slug>/", views.organisation, name="organisation"),
    path("<slug:slug>/edit/", views.edit_profile, name="edit"),
    path("<slug:slug>/contacts/", views.contacts, name="contacts"),
    path("<slug:slug>/leave/", views.give_notice, name="give_notice"),
    path("<slug:slug>/audit/", audit.organisation_audit, name="organisation_audit"),
    path("<slug:slug>/audit.csv", audit.organisation_audit_csv, name="organisation_audit_csv"),
    path("<slug:slug>/contacts/add/", views.contact_add, name="contact_add"),
    path("<slug:slug>/contacts/<int:role_id>/edit/", views.contact_edit, name="contact_edit"),
    path("<slug:slug>/contacts/<int:role_id>/end/", views.contact_end, name="contact_end"),
]
