"""Emails about self-assessments and peer reviews, sent after the transaction commits."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from coopnet.members.models import Role
from coopnet.members.selectors import organisation_contacts

from .models import Contributor, Recommendation, Reviewer


def _url(name: str, pk: int) -> str:
    return settings.SITE_URL.rstrip("/") + reverse(name, args=[pk])


def _send(subject: str, body: str, email: str) -> None:
    if email:
        send_mail(subject, body, None, [email])


@task()
def send_contributor_invitation(*, contributor_id: int) -> None:
    """Tell a colleague they are invited to contribute to a self-assessment."""
    contributor = Contributor.objects.select_related(
        "person__user", "assessment__organisation"
    ).get(pk=contributor_id)
    person = contributor.person
    email = (person.user.email if person.user else "") or person.email
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("You are invited to contribute to a self-assessment")
        body = _(
            "%(organisation)s is assessing its progress as a co-operative council and has "
            "invited you to contribute.\n\n%(url)s\n"
        ) % {
            "organisation": contributor.assessment.organisation.name,
            "url": _url("learning:assessment", contributor.assessment_id),
        }
    _send(subject, body, email)


@task()
def send_reviewer_assignment(*, reviewer_id: int) -> None:
    """Tell a reviewer they are on a peer review."""
    reviewer = Reviewer.objects.select_related("person__user", "review__organisation").get(
        pk=reviewer_id
    )
    person = reviewer.person
    email = (person.user.email if person.user else "") or person.email
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("You are a reviewer on a co-operative peer review")
        body = _("You will review %(organisation)s.\n\n%(url)s\n") % {
            "organisation": reviewer.review.organisation.name,
            "url": _url("learning:review", reviewer.review_id),
        }
    _send(subject, body, email)


@task()
def send_action_reminder(*, recommendation_id: int) -> None:
    """Remind those who manage the council of an action from its peer review coming due."""
    recommendation = Recommendation.objects.select_related("review__organisation").get(
        pk=recommendation_id
    )
    organisation = recommendation.review.organisation
    today = timezone.localdate()
    emails = {
        role.person.email
        for role in organisation_contacts(organisation)
        if role.person.email
        # the one rule for who manages an organisation (Role.objects.managing)
        and Role.objects.managing(role.person, on=today).filter(organisation=organisation).exists()
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("A peer review action is due on %(date)s") % {
            "date": recommendation.due_on.strftime("%d/%m/%Y")
        }
        body = _("%(action)s\n\n%(url)s\n") % {
            "action": recommendation.text,
            "url": _url("learning:review", recommendation.review_id),
        }
    for email in sorted(emails):
        _send(subject, body, email)
