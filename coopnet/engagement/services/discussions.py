"""Discussions: starting threads, replying, moderating (hide, lock), reporting, digests."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.core.actors import System, acting_as
from coopnet.core.audit import audit_record
from coopnet.core.guard import refuse, require

from .. import mail, selectors, tasks
from ..errors import EngagementError
from ..models import Group, GroupMembership, Post, PostReport, Thread


def _author(by: Any, group: Group):
    require(
        by,
        "engagement.post_in_group",
        group,
        message=_("Only the group's members may post in its discussions."),
    )
    person = selectors.person_of(by)
    if person is None:
        raise refuse(_("Only the group's members may post in its discussions."))
    return person


def _clean(text: str, *, field: str, message: str) -> str:
    text = (text or "").strip()
    if not text:
        raise EngagementError(message, field=field)
    return text


def _notify(post: Post) -> None:
    pk = post.pk
    transaction.on_commit(lambda: tasks.send_post_notifications.enqueue(post_id=pk))


@transaction.atomic
def thread_start(*, group: Group, by: Any, title: str, body: str) -> Thread:
    """A member starts a discussion with its first post."""
    author = _author(by, group)
    title = _clean(title, field="title", message=_("Give the discussion a title."))
    body = _clean(body, field="body", message=_("Write your message."))
    now = timezone.now()
    with acting_as(by):
        thread = Thread.objects.create(group=group, title=title, author=author, last_post_at=now)
        post = Post.objects.create(thread=thread, author=author, body=body)
        audit_record(by=by, action="discussion.started", target=thread, about=[group])
    _notify(post)
    return thread


@transaction.atomic
def reply_post(*, thread: Thread, by: Any, body: str) -> Post:
    """A member replies; members who asked for each post are emailed (not the author)."""
    thread = (
        Thread.objects.select_for_update(of=("self",)).select_related("group").get(pk=thread.pk)
    )
    author = _author(by, thread.group)
    if thread.is_locked:
        raise EngagementError(_("This discussion is locked: no more replies."), code="locked")
    if thread.is_hidden:
        raise EngagementError(_("This discussion has been hidden."), code="hidden")
    body = _clean(body, field="body", message=_("Write your reply."))
    with acting_as(by):
        post = Post.objects.create(thread=thread, author=author, body=body)
        thread.last_post_at = post.created_at
        thread.save(update_fields=["last_post_at"])
        audit_record(by=by, action="discussion.replied", target=post, about=[thread, thread.group])
    _notify(post)
    return post


@transaction.atomic
def post_hide(*, post: Post, by: Any, reason: str) -> Post:
    """A coordinator or network admin hides a post; its author and the reason are kept."""
    post = (
        Post.objects.select_for_update(of=("self",)).select_related("thread__group").get(pk=post.pk)
    )
    require(by, "engagement.moderate_group", post.thread.group)
    reason = _clean(reason, field="reason", message=_("Say why the post is hidden."))
    with acting_as(by):
        post.is_hidden = True
        post.hidden_reason = reason[:300]
        post.save(update_fields=["is_hidden", "hidden_reason"])
        for report in PostReport.objects.filter(post=post, resolved_at__isnull=True):
            _close(report, by, _("The post was hidden."))
        audit_record(by=by, action="post.hidden", target=post, about=[post.thread], reason=reason)
    return post


@transaction.atomic
def post_show(*, post: Post, by: Any) -> Post:
    post = (
        Post.objects.select_for_update(of=("self",)).select_related("thread__group").get(pk=post.pk)
    )
    require(by, "engagement.moderate_group", post.thread.group)
    with acting_as(by):
        post.is_hidden = False
        post.hidden_reason = ""
        post.save(update_fields=["is_hidden", "hidden_reason"])
        audit_record(by=by, action="post.shown", target=post, about=[post.thread])
    return post


@transaction.atomic
def thread_lock(*, thread: Thread, by: Any, locked: bool = True) -> Thread:
    """A coordinator or network admin locks a discussion (or opens it again)."""
    thread = (
        Thread.objects.select_for_update(of=("self",)).select_related("group").get(pk=thread.pk)
    )
    require(by, "engagement.moderate_group", thread.group)
    with acting_as(by):
        thread.is_locked = locked
        thread.save(update_fields=["is_locked"])
        audit_record(
            by=by,
            action="discussion.locked" if locked else "discussion.unlocked",
            target=thread,
            about=[thread.group],
        )
    return thread


@transaction.atomic
def thread_hide(*, thread: Thread, by: Any, reason: str = "", hidden: bool = True) -> Thread:
    """A coordinator or network admin hides a whole discussion from its members (with a reason,
    kept), or shows it again. Its open reports are closed with it."""
    thread = (
        Thread.objects.select_for_update(of=("self",)).select_related("group").get(pk=thread.pk)
    )
    require(by, "engagement.moderate_group", thread.group)
    if hidden:
        reason = _clean(reason, field="reason", message=_("Say why the discussion is hidden."))
    with acting_as(by):
        thread.is_hidden = hidden
        thread.hidden_reason = reason[:300] if hidden else ""
        thread.save(update_fields=["is_hidden", "hidden_reason"])
        if hidden:
            for report in PostReport.objects.filter(post__thread=thread, resolved_at__isnull=True):
                _close(report, by, _("The discussion was hidden."))
        audit_record(
            by=by,
            action="discussion.hidden" if hidden else "discussion.shown",
            target=thread,
            about=[thread.group],
            reason=reason,
        )
    return thread


def _close(report: PostReport, by: Any, resolution: str) -> None:
    report.resolved_at = timezone.now()
    report.resolved_by = by if getattr(by, "is_authenticated", False) else None
    report.resolution = resolution[:300]
    report.save(update_fields=["resolved_at", "resolved_by", "resolution"])


@transaction.atomic
def report_close(*, report: PostReport, by: Any, resolution: str) -> PostReport:
    """A coordinator or network admin closes a report without hiding the post, saying why."""
    report = (
        PostReport.objects.select_for_update(of=("self",))
        .select_related("post__thread__group")
        .get(pk=report.pk)
    )
    group = report.post.thread.group
    require(by, "engagement.moderate_group", group)
    if report.resolved_at is not None:
        raise EngagementError(_("This report is already closed."), code="closed")
    resolution = _clean(resolution, field="reason", message=_("Say why the report is closed."))
    with acting_as(by):
        _close(report, by, resolution)
        audit_record(
            by=by,
            action="post.report_closed",
            target=report,
            about=[report.post, group],
            reason=resolution,
        )
    return report


@transaction.atomic
def post_report(*, post: Post, by: Any, reason: str) -> PostReport:
    """A member tells the coordinators a post breaks the rules; they are emailed."""
    post = Post.objects.select_related("thread__group").get(pk=post.pk)
    require(
        by,
        "engagement.view_discussions",
        post.thread.group,
        message=_("Only the group's members may report its posts."),
    )
    reason = _clean(reason, field="reason", message=_("Say what is wrong with the post."))
    with acting_as(by):
        report = PostReport.objects.create(post=post, reported_by=by, reason=reason)
        audit_record(by=by, action="post.reported", target=report, about=[post, post.thread])
    pk = report.pk
    transaction.on_commit(lambda: tasks.send_report_email.enqueue(report_id=pk))
    return report


def discussion_digests_send(*, now: datetime | None = None) -> int:
    """Send each member who chose a daily digest the posts of the last day; return how many."""
    now = now or timezone.now()
    by = System("discussion_digest")
    sent = 0
    for membership in selectors.digest_memberships(on=timezone.localdate(now)):
        since = membership.last_digest_at or now - timedelta(days=1)
        posts = selectors.digest_posts(membership, since=since, until=now)
        email = selectors.email_of(membership.person)
        if posts and email:
            mail.send_templated(
                "digest",
                {
                    "group": membership.group,
                    "posts": posts,
                    "url": mail.site_url("engagement:threads", slug=membership.group.slug),
                    "preferences_url": mail.site_url(
                        "engagement:preferences", slug=membership.group.slug
                    ),
                },
                [email],
            )
            sent += 1
        with acting_as(by):
            GroupMembership.objects.filter(pk=membership.pk).update(last_digest_at=now)
    return sent
