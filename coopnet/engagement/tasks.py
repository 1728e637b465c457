"""Background work: emails about groups and discussions, and sending the newsletter.

Services queue these with `transaction.on_commit`, so nothing is sent for a write that rolled back.
"""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from coopnet.accounts.permissions import is_network_admin

from . import mail, selectors
from .delivery import newsletter_deliver
from .models import GroupMembership, Newsletter, Post, PostReport, Subscriber


def _coordinator_emails(group) -> list[str]:
    from coopnet.accounts.models import User

    emails = {e for p in group.coordinators.select_related("user") if (e := selectors.email_of(p))}
    if not emails:  # a group without coordinators is looked after by the network's staff
        emails = {
            u.email
            for u in User.objects.filter(is_active=True, is_staff=True)
            if is_network_admin(u) and u.email
        }
    return sorted(emails)


@task()
def send_post_notifications(*, post_id: int) -> None:
    """Email the group's members who asked for each post, except its author."""
    post = Post.objects.select_related("thread__group", "author").get(pk=post_id)
    recipients = selectors.each_reply_recipients(
        post.thread, author=post.author, on=timezone.localdate()
    )
    mail.send_templated(
        "post",
        {
            "post": post,
            "thread": post.thread,
            "group": post.thread.group,
            "url": mail.site_url(
                "engagement:thread", slug=post.thread.group.slug, pk=post.thread_id
            ),
            "preferences_url": mail.site_url("engagement:preferences", slug=post.thread.group.slug),
        },
        recipients,
    )


@task()
def send_join_request_email(*, membership_id: int) -> None:
    membership = GroupMembership.objects.select_related("group", "person").get(pk=membership_id)
    mail.send_templated(
        "join_request",
        {
            "membership": membership,
            "group": membership.group,
            "url": mail.site_url("engagement:requests", slug=membership.group.slug),
        },
        _coordinator_emails(membership.group),
    )


@task()
def send_join_decision_email(*, membership_id: int) -> None:
    membership = GroupMembership.objects.select_related("group", "person__user").get(
        pk=membership_id
    )
    email = selectors.email_of(membership.person)
    mail.send_templated(
        "join_decision",
        {
            "membership": membership,
            "group": membership.group,
            "url": mail.site_url("engagement:group", slug=membership.group.slug),
        },
        [email] if email else [],
    )


@task()
def send_report_email(*, report_id: int) -> None:
    report = PostReport.objects.select_related(
        "post__thread__group", "post__author", "reported_by"
    ).get(pk=report_id)
    group = report.post.thread.group
    mail.send_templated(
        "report",
        {
            "report": report,
            "group": group,
            "url": mail.site_url("engagement:moderation", slug=group.slug),
        },
        _coordinator_emails(group),
    )


@task()
def send_confirmation_email(*, subscriber_id: int) -> None:
    subscriber = Subscriber.objects.get(pk=subscriber_id)
    mail.send_templated(
        "confirm",
        {
            "subscriber": subscriber,
            "url": mail.site_url("newsletter:confirm", token=mail.confirm_token(subscriber)),
        },
        [subscriber.email],
    )


@task()
def send_newsletter_test(*, newsletter_id: int, email: str) -> None:
    newsletter = Newsletter.objects.get(pk=newsletter_id)
    mail.newsletter_message(newsletter, to=email, token="test", test=True).send()


@task()
def deliver_newsletter(*, newsletter_id: int) -> None:
    """Send an issue to its audience in batches, recording progress and each delivery."""
    newsletter_deliver(newsletter_id=newsletter_id)
