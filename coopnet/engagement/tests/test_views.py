"""The pages: groups, joining with the rules, the chat link for members only, discussions,
moderation, the newsletter sign-up and the staff pages; query counts that do not grow."""

from __future__ import annotations

import pytest
from django.core import mail as outbox
from django.test import Client
from django.urls import reverse

from coopnet.members.tests.factories import PersonFactory

from .. import mail
from ..models import GroupMembership, Newsletter, Post, Subscriber, Thread
from .factories import (
    GroupMembershipFactory,
    PostFactory,
    SubscriberFactory,
    ThreadFactory,
    member_of,
)

pytestmark = pytest.mark.django_db

CHAT = "https://chat.whatsapp.com/InviteCode123"


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_the_groups_list_is_public(group):
    response = _client().get(reverse("engagement:groups"))
    assert response.status_code == 200
    assert group.name in response.content.decode()


def test_the_chat_link_is_shown_only_to_members(group, officer_a, officer_b, network_admin):
    member_of(group, officer_a)
    url = group.get_absolute_url()
    assert CHAT in _client(officer_a).get(url).content.decode()
    for viewer in (None, officer_b, network_admin):
        page = _client(viewer).get(url)
        assert page.status_code == 200
        assert CHAT not in page.content.decode()


def test_the_group_page_lists_only_members_who_chose_to_be_visible(group, officer_a):
    shown = GroupMembershipFactory(group=group, visible_in_list=True)
    hidden = GroupMembershipFactory(group=group, visible_in_list=False)
    page = _client(officer_a).get(group.get_absolute_url()).content.decode()
    assert shown.person.full_name in page
    assert hidden.person.full_name not in page
    # Anonymous visitors see the purpose, not the names.
    anonymous = _client().get(group.get_absolute_url()).content.decode()
    assert group.purpose in anonymous
    assert shown.person.full_name not in anonymous


def test_joining_asks_for_the_rules_then_joins(group, officer_a):
    client = _client(officer_a)
    url = reverse("engagement:join", kwargs={"slug": group.slug})
    page = client.get(url)
    assert page.status_code == 200
    assert group.rules_text in page.content.decode()
    refused = client.post(url, {"notify": "none"})
    assert refused.status_code == 200
    assert "accept the group" in refused.content.decode()
    assert not GroupMembership.objects.exists()
    joined = client.post(url, {"accept_rules": "on", "notify": "each_reply", "visible": "on"})
    assert joined.status_code == 302
    membership = GroupMembership.objects.get()
    assert (membership.rules_version_accepted, membership.notify) == (1, "each_reply")
    assert CHAT in client.get(group.get_absolute_url()).content.decode()


def test_people_not_eligible_may_not_open_the_join_page(group, affiliate_officer, supporter):
    for user in (affiliate_officer, supporter):
        assert _client(user).get(reverse("engagement:join", args=[group.slug])).status_code == 403


def test_leaving_from_the_group_page(group, officer_a):
    member_of(group, officer_a)
    client = _client(officer_a)
    response = client.post(reverse("engagement:leave", args=[group.slug]))
    assert response.status_code == 302
    assert GroupMembership.objects.get().status == GroupMembership.Status.LEFT
    assert CHAT not in client.get(group.get_absolute_url()).content.decode()


def test_a_coordinator_approves_a_request_on_the_requests_page(
    approval_group, officer_a, officer_b, django_capture_on_commit_callbacks
):
    approval_group.coordinators.add(officer_b.person)
    with django_capture_on_commit_callbacks(execute=True):
        _client(officer_a).post(
            reverse("engagement:join", args=[approval_group.slug]),
            {"accept_rules": "on", "notify": "none"},
        )
    request = GroupMembership.objects.get()
    assert request.status == GroupMembership.Status.REQUESTED
    coordinator = _client(officer_b)
    page = coordinator.get(reverse("engagement:requests", args=[approval_group.slug]))
    assert officer_a.person.full_name in page.content.decode()
    assert (
        _client(officer_a)
        .get(reverse("engagement:requests", args=[approval_group.slug]))
        .status_code
        == 403
    )
    coordinator.post(
        reverse("engagement:request_decide", args=[approval_group.slug, request.pk, "approve"])
    )
    request.refresh_from_db()
    assert request.is_active


def test_discussions_are_for_members(group, officer_a, officer_b):
    member_of(group, officer_a)
    thread = ThreadFactory(group=group, author=officer_a.person)
    PostFactory(thread=thread, body="First post")
    assert _client(officer_a).get(thread.get_absolute_url()).status_code == 200
    assert _client(officer_b).get(thread.get_absolute_url()).status_code == 403
    assert (
        _client(officer_b).get(reverse("engagement:threads", args=[group.slug])).status_code == 403
    )
    response = _client(officer_b).post(thread.get_absolute_url(), {"body": "Let me in"})
    assert response.status_code == 403
    assert not Post.objects.filter(body="Let me in").exists()


def test_a_member_starts_a_thread_and_another_is_notified(
    group, officer_a, officer_c, django_capture_on_commit_callbacks
):
    member_of(group, officer_a)
    member_of(group, officer_c, notify="each_reply")
    with django_capture_on_commit_callbacks(execute=True):
        response = _client(officer_a).post(
            reverse("engagement:thread_new", args=[group.slug]),
            {"title": "Community energy", "body": "Who has a scheme?"},
        )
    thread = Thread.objects.get()
    assert response.status_code == 302
    assert response["Location"] == thread.get_absolute_url()
    assert [m.to for m in outbox.outbox] == [[officer_c.email]]
    with django_capture_on_commit_callbacks(execute=True):
        _client(officer_c).post(thread.get_absolute_url(), {"body": "We do."})
    assert len(outbox.outbox) == 1  # officer_a chose no emails; officer_c wrote it
    assert "We do." in _client(officer_a).get(thread.get_absolute_url()).content.decode()


def test_moderation_pages_refuse_members_and_serve_coordinators(group, officer_a, officer_c):
    member_of(group, officer_a)
    member_of(group, officer_c)
    post = PostFactory(thread=ThreadFactory(group=group, author=officer_a.person))
    member = _client(officer_c)
    assert member.get(reverse("engagement:post_hide", args=[post.pk])).status_code == 403
    assert (
        member.post(reverse("engagement:post_hide", args=[post.pk]), {"reason": "x"}).status_code
        == 403
    )
    assert (
        member.post(
            reverse("engagement:thread_lock", args=[group.slug, post.thread.pk])
        ).status_code
        == 403
    )
    assert member.get(reverse("engagement:moderation", args=[group.slug])).status_code == 403
    # Reporting is for members.
    report = member.post(reverse("engagement:post_report", args=[post.pk]), {"reason": "Rude"})
    assert report.status_code == 302
    group.coordinators.add(officer_c.person)
    page = member.get(reverse("engagement:moderation", args=[group.slug])).content.decode()
    assert "Rude" in page
    member.post(reverse("engagement:post_hide", args=[post.pk]), {"reason": "Rude"})
    post.refresh_from_db()
    assert post.is_hidden
    reader = _client(officer_a).get(post.thread.get_absolute_url()).content.decode()
    assert post.body not in reader
    assert "Hidden by a moderator" in reader


def test_newsletter_sign_up_confirm_and_unsubscribe(django_capture_on_commit_callbacks):
    client = _client()
    assert client.get(reverse("newsletter:signup")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("newsletter:signup"), {"email": "reader@example.org", "consent": "on"}
        )
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.PENDING
    assert "newsletter" in subscriber.consent_wording
    assert subscriber.consent_source.startswith("Newsletter sign-up page")
    confirm_url = reverse("newsletter:confirm", args=[mail.confirm_token(subscriber)])
    assert confirm_url in outbox.outbox[0].body
    assert client.get(confirm_url).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING  # a GET alone confirms nothing
    assert client.post(confirm_url).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.SUBSCRIBED
    unsubscribe = reverse("newsletter:unsubscribe", args=[mail.unsubscribe_token(subscriber)])
    assert client.post(unsubscribe).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_sign_up_without_consent_is_refused():
    response = _client().post(reverse("newsletter:signup"), {"email": "reader@example.org"})
    assert response.status_code == 200
    assert not Subscriber.objects.exists()


def test_staff_compose_preview_test_and_send(network_admin, django_capture_on_commit_callbacks):
    SubscriberFactory(email="one@example.org")
    SubscriberFactory(email="two@example.org")
    staff = _client(network_admin)
    response = staff.post(
        reverse("newsletter:issue_new"),
        {"subject": "Autumn news", "body": "Policy Labs are open.", "segment": "public"},
    )
    issue = Newsletter.objects.get()
    assert response["Location"] == issue.get_absolute_url()
    preview = staff.get(issue.get_absolute_url()).content.decode()
    assert "Policy Labs are open." in preview
    assert "Unsubscribe" in preview
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(reverse("newsletter:issue_test", args=[issue.pk]), {"email": "me@x.org"})
    assert [m.to for m in outbox.outbox] == [["me@x.org"]]
    assert staff.get(reverse("newsletter:issue_send", args=[issue.pk])).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        sent = staff.post(reverse("newsletter:issue_send", args=[issue.pk]))
    assert sent["Location"] == reverse("newsletter:progress", args=[issue.pk])
    progress = staff.get(sent["Location"]).content.decode()
    assert "one@example.org" in progress
    assert "two@example.org" in progress
    issue.refresh_from_db()
    assert (issue.status, issue.sent_count) == ("sent", 2)
    assert len(outbox.outbox) == 3


def test_staff_record_a_bounce(network_admin):
    subscriber = SubscriberFactory()
    _client(network_admin).post(reverse("newsletter:bounce"), {"email": subscriber.email})
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.BOUNCED


@pytest.mark.parametrize("n", [3, 30])
def test_the_group_page_costs_the_same_queries_at_3_and_30_members(
    n, group, officer_a, django_assert_num_queries
):
    member_of(group, officer_a)
    for _ in range(n):
        GroupMembershipFactory(group=group, person=PersonFactory())
    client = _client(officer_a)
    with django_assert_num_queries(GROUP_PAGE_QUERIES):
        assert client.get(group.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("n", [3, 30])
def test_the_groups_list_costs_the_same_queries_at_3_and_30_members(
    n, group, officer_a, django_assert_num_queries
):
    for _ in range(n):
        GroupMembershipFactory(group=group)
    client = _client(officer_a)
    with django_assert_num_queries(GROUP_LIST_QUERIES):
        assert client.get(reverse("engagement:groups")).status_code == 200


@pytest.mark.parametrize("n", [3, 30])
def test_a_thread_costs_the_same_queries_at_3_and_30_posts(
    n, group, officer_a, django_assert_num_queries
):
    member_of(group, officer_a)
    thread = ThreadFactory(group=group, author=officer_a.person)
    for _ in range(n):
        PostFactory(thread=thread, author=PersonFactory())
    client = _client(officer_a)
    with django_assert_num_queries(THREAD_QUERIES):
        assert client.get(thread.get_absolute_url()).status_code == 200


GROUP_PAGE_QUERIES = 14  # 12, and the group's events panel: upcoming and past (events)
GROUP_LIST_QUERIES = (
    7  # the group list, its members, coordinators, counts and each group's next event
)
THREAD_QUERIES = 12


def test_a_member_is_asked_to_accept_changed_rules(group, officer_a):
    member_of(group, officer_a)
    group.rules_text = "New rules."
    group.rules_version = 2
    group.save()
    client = _client(officer_a)
    page = client.get(group.get_absolute_url()).content.decode()
    assert "rules of engagement have changed" in page
    client.post(reverse("engagement:rules_accept", args=[group.slug]), {"accept_rules": "1"})
    assert GroupMembership.objects.get().rules_version_accepted == 2
    page = client.get(group.get_absolute_url()).content.decode()
    assert "rules of engagement have changed" not in page
