"""Background work for governance: emails about minutes."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from .models import Attendance, Minutes


@task()
def send_minutes_circulated(minutes_id: int) -> int:
    """Tell each person present that the draft minutes are ready for comment."""
    minutes = Minutes.objects.select_related("meeting").get(pk=minutes_id)
    meeting = minutes.meeting
    people = [
        a.person
        for a in meeting.attendances.select_related("person").filter(
            status=Attendance.Status.PRESENT
        )
        if a.person.email
    ]
    base = settings.SITE_URL.rstrip("/")
    url = base + reverse("governance:minutes", kwargs={"pk": meeting.pk})
    for person in people:
        context = {"person": person, "meeting": meeting, "url": url}
        send_mail(
            render_to_string("governance/email/minutes_circulated_subject.txt", context).strip(),
            render_to_string("governance/email/minutes_circulated_message.txt", context),
            None,
            [person.email],
        )
    return len(people)
