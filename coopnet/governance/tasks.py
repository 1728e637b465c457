"""Background work for governance: emails about minutes."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django_tasks import task

from coopnet.core.mail import letter_to

from .models import Minutes
from .quorum import minutes_recipients


@task()
def send_minutes_circulated(minutes_id: int) -> int:
    """Tell each person present that the draft minutes are ready for comment."""
    minutes = Minutes.objects.select_related("meeting").get(pk=minutes_id)
    meeting = minutes.meeting
    people = minutes_recipients(meeting)
    base = settings.SITE_URL.rstrip("/")
    url = base + reverse("governance:minutes", kwargs={"pk": meeting.pk})
    for person in people:
        context = {"person": person, "meeting": meeting, "url": url}
        letter = letter_to("governance/email/minutes_circulated", context, person.email)
        send_mail(letter.subject, letter.body, None, letter.to)
    return len(people)
