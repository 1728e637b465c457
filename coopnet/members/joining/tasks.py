"""Background work for applications to join: the emails an applicant is sent."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from coopnet.core.mail import letter_to

from ..models import Application
from . import selectors, welcome

# Each message an applicant can be sent: its templates are joining/email/<name>_subject.txt and
# joining/email/<name>_message.txt.
APPLICATION_MESSAGES = ("link", "received", "question", "declined", "welcome")


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


@task()
def send_application_email(*, application_id: int, message: str) -> None:
    if message not in APPLICATION_MESSAGES:
        raise ValueError(f"unknown application message {message!r}")
    application = Application.objects.select_related(
        "category", "local_authority", "organisation", "membership"
    ).get(pk=application_id)
    context = {
        "application": application,
        "network": settings.NETWORK_NAME,
        "url": _absolute(reverse("joining:task_list", args=[application.token])),
        "last_question": application.messages.filter(author="staff").last(),
        "missing": selectors.missing_sections(application) if message == "link" else [],
    }
    letter = letter_to(f"joining/email/{message}", context, application.applicant_email)
    email = EmailMessage(letter.subject, letter.body, None, letter.to)
    if message == "welcome":
        with translation.override(letter.language):  # the pack in the language of its letter
            pack = welcome.welcome_pack_for_application(application)
            email.attach(welcome.pdf_filename(pack), welcome.render_pdf(pack), "application/pdf")
    email.send()
