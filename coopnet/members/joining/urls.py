"""/join/: the public journey (the token in the link is the applicant's key), the staff queue,
and a member's welcome pack."""

from django.urls import URLPattern, URLResolver, path, register_converter

from . import staff_views, views

app_name = "joining"


class TokenConverter:
    """An application's link token (secrets.token_urlsafe(32))."""

    regex = r"[-\w]{40,64}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(TokenConverter, "apptoken")

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.start, name="start"),
    path("apply/", views.new, name="new"),
    path("return/", views.resume, name="resume"),
    # Staff
    path("applications/", staff_views.queue, name="queue"),
    path("applications/<int:pk>/", staff_views.detail, name="application"),
    path("applications/<int:pk>/ask/", staff_views.decide, {"decision": "ask"}, name="ask"),
    path(
        "applications/<int:pk>/approve/",
        staff_views.decide,
        {"decision": "approve"},
        name="approve",
    ),
    path(
        "applications/<int:pk>/decline/",
        staff_views.decide,
        {"decision": "decline"},
        name="decline",
    ),
    # A member's welcome pack
    path("welcome/<slug:slug>/", staff_views.welcome_pack, name="welcome_pack"),
    path("welcome/<slug:slug>/pdf/", staff_views.welcome_pack_pdf, name="welcome_pack_pdf"),
    # The applicant's own pages
    path("<apptoken:token>/", views.task_list, name="task_list"),
    path("<apptoken:token>/about-you/", views.applicant, name="applicant"),
    path("<apptoken:token>/organisation/", views.organisation, name="organisation"),
    path("<apptoken:token>/contacts/", views.contacts, name="contacts"),
    path("<apptoken:token>/principles/<int:number>/", views.principle, name="principle"),
    path("<apptoken:token>/check/", views.check, name="check"),
    path("<apptoken:token>/answer/", views.answer, name="answer"),
    path(
        "<apptoken:token>/welcome-pack.pdf",
        views.application_welcome_pdf,
        name="application_welcome",
    ),
]
