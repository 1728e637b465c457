"""Moderating a group's discussions: hiding a discussion, closing reports on the coordinators'
page, and every refusal; the group's page lists the group's events."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coopnet.core.guard import Refused
from coopnet.events.tests.factories import EventFactory

from .. import services
from ..errors import EngagementError
from ..models import PostReport
from .factories import PostFactory, ThreadFactory, member_of

pytestmark = pytest.mark.django_db


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def reported_post(group, officer_a, officer_c):
    """officer_a and officer_c are members; officer_a's post is reported by officer_c."""
    member_of(group, officer_a)
    member_of(group, officer_c)
    post = PostFactory(thread=ThreadFactory(group=group, author=officer_a.person))
    services.post_report(post=post, by=officer_c, reason="Off topic")
    return post


def test_a_coordinator_hides_a_discussion_and_members_no_longer_see_it(
    group, reported_post, officer_a, officer_b
):
    group.coordinators.add(officer_b.person)
    thread = reported_post.thread
    with pytest.raises(Refused):  # a member is not a moderator
        services.thread_hide(thread=thread, by=officer_a, reason="Spam")
    with pytest.raises(EngagementError):  # a reason is needed
        services.thread_hide(thread=thread, by=officer_b, reason=" ")
    services.thread_hide(thread=thread, by=officer_b, reason="Spam")
    thread.refresh_from_db()
    assert thread.is_hidden
    assert thread.hidden_reason == "Spam"
    report = PostReport.objects.get(post=reported_post)
    assert report.resolved_by == officer_b  # its reports are closed with it
    member = _client(officer_a)
    assert member.get(thread.get_absolute_url()).status_code == 404
    listing = member.get(reverse("engagement:threads", args=[group.slug])).content.decode()
    assert thread.title not in listing
    with pytest.raises(EngagementError):  # nobody replies to a hidden discussion
        services.reply_post(thread=thread, by=officer_a, body="Still here?")
    coordinator = _client(officer_b).get(thread.get_absolute_url()).content.decode()
    assert "This discussion is hidden from the group's members." in coordinator
    services.thread_hide(thread=thread, by=officer_b, hidden=False)
    assert member.get(thread.get_absolute_url()).status_code == 200


def test_hiding_a_discussion_through_the_pages(group, reported_post, officer_a, officer_b):
    thread = reported_post.thread
    url = reverse("engagement:thread_hide", args=[group.slug, thread.pk])
    assert _client(officer_a).get(url).status_code == 403
    assert _client(officer_a).post(url, {"reason": "Spam"}).status_code == 403
    assert _client().get(url).status_code == 302  # to sign in
    group.coordinators.add(officer_b.person)
    coordinator = _client(officer_b)
    assert coordinator.get(url).status_code == 200
    empty = coordinator.post(url, {"reason": ""})
    assert empty.status_code == 200
    assert "Error:" in empty.content.decode()
    assert coordinator.post(url, {"reason": "Spam"}).status_code == 302
    thread.refresh_from_db()
    assert thread.is_hidden
    assert coordinator.post(url, {"show": "1"}).status_code == 302
    thread.refresh_from_db()
    assert not thread.is_hidden


def test_coordinators_close_a_report_without_hiding_the_post(
    group, reported_post, officer_a, officer_b, network_admin
):
    report = PostReport.objects.get(post=reported_post)
    with pytest.raises(Refused):  # the reporter's fellow member is not a moderator
        services.report_close(report=report, by=officer_a, resolution="Fine")
    group.coordinators.add(officer_b.person)
    with pytest.raises(EngagementError):
        services.report_close(report=report, by=officer_b, resolution="")
    services.report_close(report=report, by=officer_b, resolution="Within the rules")
    report.refresh_from_db()
    assert report.resolved_at is not None
    assert report.resolved_by == officer_b
    assert report.resolution == "Within the rules"
    assert report.history.count() == 2  # kept with its history
    reported_post.refresh_from_db()
    assert not reported_post.is_hidden
    with pytest.raises(EngagementError):  # closed once
        services.report_close(report=report, by=network_admin, resolution="Again")


def test_the_coordinators_page_lists_open_reports_and_closes_them(
    group, reported_post, officer_a, officer_b, officer_c
):
    report = PostReport.objects.get(post=reported_post)
    page_url = reverse("engagement:moderation", args=[group.slug])
    close_url = reverse("engagement:report_close", args=[group.slug, report.pk])
    field = f"report-{report.pk}-reason"
    for refused in (officer_a, officer_c):  # members, the reporter among them
        assert _client(refused).get(page_url).status_code == 403
        assert _client(refused).post(close_url, {field: "x"}).status_code == 403
    assert _client().post(close_url, {field: "x"}).status_code == 302  # to sign in
    group.coordinators.add(officer_b.person)
    coordinator = _client(officer_b)
    page = coordinator.get(page_url).content.decode()
    assert "Off topic" in page
    assert close_url in page
    assert coordinator.get(close_url).status_code == 405  # closing is a POST
    coordinator.post(close_url, {field: ""})
    report.refresh_from_db()
    assert report.resolved_at is None  # a reason is needed
    assert coordinator.post(close_url, {field: "Within the rules"}).status_code == 302
    page = coordinator.get(page_url).content.decode()
    assert "No posts have been reported." in page
    assert "Within the rules" in page  # under "Closed lately"
    other = reverse("engagement:report_close", args=["no-such-group", report.pk])
    assert coordinator.post(other, {field: "x"}).status_code == 404


def test_the_group_page_lists_the_groups_events(client, group, django_assert_max_num_queries):
    soon = timezone.now() + timedelta(days=7)
    EventFactory(title="Wealth building webinar", group=group, starts_at=soon)
    EventFactory(
        title="Last year's wealth workshop",
        group=group,
        starts_at=soon - timedelta(days=400),
        ends_at=soon - timedelta(days=400) + timedelta(hours=2),
    )
    EventFactory(title="Some other network's event")
    EventFactory(title="An unpublished draft", group=group, status="draft")
    url = reverse("engagement:group", args=[group.slug])
    page = client.get(url).content.decode()
    assert "The group's events" in page
    assert "Wealth building webinar" in page
    assert "Last year&#x27;s wealth workshop" in page
    assert "Some other network" not in page
    assert "An unpublished draft" not in page
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    for n in range(12):
        EventFactory(title=f"More {n}", group=group, starts_at=soon + timedelta(days=n))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
