"""Notices sent by the system at each stage of an election (queued after the change commits)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mass_mail
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from coopnet.core.mail import letter_to, letters
from coopnet.members.models import Person

from .models import Delegation, Election, Elector, Nomination
from .selectors import electorate_preview


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _recipients(election_id: int, stage: str) -> set[str]:
    """The electorate's voting contacts and delegates (the fixed electorate once voting has
    opened, before that the registry's), and the candidates once there are some."""
    election = Election.objects.get(pk=election_id)
    people: set[Person] = set()
    if election.electorate_on:
        for elector in Elector.objects.filter(election=election).prefetch_related("contacts"):
            people.update(elector.contacts.all())
    else:
        for row in electorate_preview(election, timezone.localdate()):
            people.update(row.contacts)
    people.update(
        d.person for d in Delegation.objects.filter(election=election).select_related("person")
    )
    if stage != "nominations":
        people.update(
            n.person
            for n in Nomination.objects.filter(
                contest__election=election, status=Nomination.Status.ACCEPTED
            ).select_related("person")
        )
    return {p.email for p in people if p.email}


@task()
def send_election_notice(*, election_id: int, stage: str) -> int:
    """Tell the electorate that the election has reached `stage`. Returns how many were sent."""
    election = Election.objects.select_related("body").get(pk=election_id)
    if stage == Election.State.COUNTED:
        return 0  # the count stays private until it is published
    context = {
        "election": election,
        "stage": stage,
        "url": _absolute(election.get_absolute_url()),
        "can_i_vote_url": _absolute(reverse("elections:can_i_vote", args=[election.slug])),
        "network": settings.NETWORK_NAME,
    }
    recipients = sorted(_recipients(election_id, stage))
    messages = [
        (letter.subject, letter.body, None, [email])
        for letter in letters("elections/email/notice", context, recipients)
        for email in letter.to
    ]
    return send_mass_mail(messages) if messages else 0


@task()
def send_nomination_notice(*, nomination_id: int) -> None:
    """Ask the nominee to accept (or decline) their nomination."""
    nomination = Nomination.objects.select_related(
        "person", "organisation", "nominated_by_organisation", "contest__seat", "contest__election"
    ).get(pk=nomination_id)
    email = nomination.person.email
    if not email:
        return
    election = nomination.contest.election
    context = {
        "nomination": nomination,
        "election": election,
        "url": _absolute(reverse("elections:nomination", args=[election.slug, nomination.pk])),
        "network": settings.NETWORK_NAME,
    }
    letter = letter_to("elections/email/nomination", context, email)
    send_mass_mail([(letter.subject, letter.body, None, letter.to)])
