"""Services of networks, discussions and the newsletter: what they write, and every refusal."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail as outbox
from django.utils import timezone

from coopnet.core.actors import System
from coopnet.core.audit import audit_trail_for
from coopnet.core.guard import Refused

from .. import mail, services
from ..errors import EngagementError
from ..models import Delivery, GroupMembership, Newsletter, Post, Subscriber
from .factories import (
    NewsletterFactory,
    PostFactory,
    SubscriberFactory,
    ThreadFactory,
    member_of,
)

pytestmark = pytest.mark.django_db


# --- joining ------------------------------------------------------------------------------------


def test_an_eligible_officer_joins_accepting_the_current_rules(group, officer_a):
    membership = services.group_join(group=group, by=officer_a, accepted_rules_version=1)
    assert membership.status == GroupMembership.Status.ACTIVE
    assert membership.start == timezone.localdate()
    assert membership.rules_version_accepted == 1
    assert membership.rules_accepted_at is not None
    assert membership.history.first().history_user == officer_a
    assert audit_trail_for(membership).first().action == "group.joined"


def test_join_is_refused_without_accepting_the_rules(group, officer_a):
    with pytest.raises(EngagementError) as exc:
        services.group_join(group=group, by=officer_a, accepted_rules_version=None)
    assert exc.value.field == "accept_rules"
    assert not GroupMembership.objects.exists()


def test_join_is_refused_for_an_old_version_of_the_rules(group, officer_a):
    services.group_rules_update(group=group, by=System("test"), rules_text="New rules.")
    with pytest.raises(EngagementError):
        services.group_join(group=group, by=officer_a, accepted_rules_version=1)
    group.refresh_from_db()
    assert services.group_join(group=group, by=officer_a, accepted_rules_version=2)


def test_join_is_refused_for_people_not_eligible(group, affiliate_officer, supporter):
    for user in (affiliate_officer, supporter):  # an Affiliate's officer; no registry record
        with pytest.raises(Refused):
            services.group_join(group=group, by=user, accepted_rules_version=1)
    assert not GroupMembership.objects.exists()


def test_eligibility_follows_the_role_kinds_the_group_names(group, officer_a, officer_c):
    group.eligible_role_kinds = ["officer_lead"]
    group.save()
    assert services.group_join(group=group, by=officer_a, accepted_rules_version=1)
    with pytest.raises(Refused):  # officer_c is an "officer", not an "officer lead"
        services.group_join(group=group, by=officer_c, accepted_rules_version=1)


def test_a_person_whose_role_has_ended_is_not_eligible(group, officer_a):
    officer_a.person.roles.update(end=timezone.localdate() - timedelta(days=1))
    with pytest.raises(Refused):
        services.group_join(group=group, by=officer_a, accepted_rules_version=1)


def test_joining_twice_is_refused(group, officer_a):
    services.group_join(group=group, by=officer_a, accepted_rules_version=1)
    with pytest.raises(EngagementError):
        services.group_join(group=group, by=officer_a, accepted_rules_version=1)
    assert GroupMembership.objects.count() == 1


def test_an_approval_group_takes_requests_and_a_coordinator_approves(
    approval_group, officer_a, officer_b, django_capture_on_commit_callbacks
):
    approval_group.coordinators.add(officer_b.person)
    with pytest.raises(EngagementError):  # it approves each member
        services.group_join(group=approval_group, by=officer_a, accepted_rules_version=1)
    with django_capture_on_commit_callbacks(execute=True):
        request = services.group_request(
            group=approval_group, by=officer_a, accepted_rules_version=1
        )
    assert request.status == GroupMembership.Status.REQUESTED
    assert [m.to for m in outbox.outbox] == [[officer_b.email]]

    with django_capture_on_commit_callbacks(execute=True):
        approved = services.group_approve(membership=request, by=officer_b)
    assert approved.status == GroupMembership.Status.ACTIVE
    assert outbox.outbox[-1].to == [officer_a.email]
    assert "approved" in outbox.outbox[-1].body


def test_only_coordinators_and_staff_approve(approval_group, officer_a, officer_c, network_admin):
    request = services.group_request(group=approval_group, by=officer_a, accepted_rules_version=1)
    with pytest.raises(Refused):
        services.group_approve(membership=request, by=officer_c)
    assert services.group_approve(membership=request, by=network_admin).is_active


def test_a_request_is_declined(approval_group, officer_a, network_admin):
    request = services.group_request(group=approval_group, by=officer_a, accepted_rules_version=1)
    declined = services.group_decline(membership=request, by=network_admin)
    assert declined.status == GroupMembership.Status.DECLINED
    with pytest.raises(EngagementError):
        services.group_approve(membership=declined, by=network_admin)


def test_leaving_ends_the_membership_and_one_may_join_again(group, officer_a):
    services.group_join(group=group, by=officer_a, accepted_rules_version=1)
    left = services.group_leave(group=group, by=officer_a)
    assert left.status == GroupMembership.Status.LEFT
    assert left.end == timezone.localdate()
    assert not GroupMembership.objects.active(timezone.localdate()).exists()
    with pytest.raises(EngagementError):
        services.group_leave(group=group, by=officer_a)
    assert services.group_join(group=group, by=officer_a, accepted_rules_version=1).is_active


def test_only_the_member_changes_their_preferences(group, officer_a, officer_c):
    membership = member_of(group, officer_a)
    services.membership_preferences_set(
        membership=membership, by=officer_a, notify="each_reply", visible=False
    )
    membership.refresh_from_db()
    assert (membership.notify, membership.visible_in_list) == ("each_reply", False)
    with pytest.raises(Refused):
        services.membership_preferences_set(
            membership=membership, by=officer_c, notify="none", visible=True
        )


# --- discussions --------------------------------------------------------------------------------


def test_a_reply_emails_members_who_chose_each_reply_but_not_its_author(
    group, officer_a, officer_c, org_b, django_capture_on_commit_callbacks
):
    from .factories import officer_at

    digest_reader = officer_at(org_b)
    quiet = officer_at(org_b)
    member_of(group, officer_a, notify="each_reply")
    member_of(group, officer_c, notify="each_reply")
    member_of(group, digest_reader, notify="daily_digest")
    member_of(group, quiet, notify="none")
    thread = ThreadFactory(group=group, author=officer_c.person)
    with django_capture_on_commit_callbacks(execute=True):
        post = services.reply_post(thread=thread, by=officer_a, body="We did, in Oldham.")
    assert [m.to for m in outbox.outbox] == [[officer_c.email]]
    assert "We did, in Oldham." in outbox.outbox[0].body
    assert thread.get_absolute_url() in outbox.outbox[0].body
    assert audit_trail_for(post).first().action == "discussion.replied"


def test_starting_a_thread_notifies_the_others(
    group, officer_a, officer_c, django_capture_on_commit_callbacks
):
    member_of(group, officer_a, notify="each_reply")
    member_of(group, officer_c, notify="each_reply")
    with django_capture_on_commit_callbacks(execute=True):
        thread = services.thread_start(group=group, by=officer_a, title="CWB", body="Hello")
    assert thread.posts.count() == 1
    assert [m.to for m in outbox.outbox] == [[officer_c.email]]


def test_only_members_post_and_reply(group, officer_a, officer_b, network_admin):
    member_of(group, officer_a)
    thread = ThreadFactory(group=group, author=officer_a.person)
    for user in (officer_b, network_admin):
        with pytest.raises(Refused):
            services.reply_post(thread=thread, by=user, body="Hi")
        with pytest.raises(Refused):
            services.thread_start(group=group, by=user, title="T", body="B")
    assert not Post.objects.exists()


def test_a_member_who_left_may_not_reply(group, officer_a):
    member_of(group, officer_a)
    thread = ThreadFactory(group=group, author=officer_a.person)
    services.group_leave(group=group, by=officer_a)
    with pytest.raises(Refused):
        services.reply_post(thread=thread, by=officer_a, body="Still here?")


def test_a_locked_thread_takes_no_replies(group, officer_a, network_admin):
    member_of(group, officer_a)
    thread = ThreadFactory(group=group, author=officer_a.person)
    services.thread_lock(thread=thread, by=network_admin)
    with pytest.raises(EngagementError):
        services.reply_post(thread=thread, by=officer_a, body="One more thing")
    services.thread_lock(thread=thread, by=network_admin, locked=False)
    assert services.reply_post(thread=thread, by=officer_a, body="One more thing")


def test_moderation_is_for_coordinators_and_staff(group, officer_a, officer_c, network_admin):
    member_of(group, officer_a)
    member_of(group, officer_c)
    post = PostFactory(thread=ThreadFactory(group=group, author=officer_a.person))
    with pytest.raises(Refused):  # a member is not a moderator
        services.post_hide(post=post, by=officer_c, reason="spam")
    with pytest.raises(Refused):
        services.thread_lock(thread=post.thread, by=officer_c)
    group.coordinators.add(officer_c.person)
    hidden = services.post_hide(post=post, by=officer_c, reason="Off topic")
    assert hidden.is_hidden
    assert hidden.hidden_reason == "Off topic"
    assert services.post_show(post=post, by=network_admin).is_hidden is False
    with pytest.raises(EngagementError):  # a reason is needed
        services.post_hide(post=post, by=network_admin, reason="  ")


def test_a_report_goes_to_the_coordinators(
    group, officer_a, officer_b, officer_c, django_capture_on_commit_callbacks
):
    member_of(group, officer_a)
    group.coordinators.add(officer_b.person)
    post = PostFactory(thread=ThreadFactory(group=group, author=officer_c.person))
    with django_capture_on_commit_callbacks(execute=True):
        report = services.post_report(post=post, by=officer_a, reason="Rude")
    assert report.reported_by == officer_a
    assert [m.to for m in outbox.outbox] == [[officer_b.email]]
    assert "Rude" in outbox.outbox[0].body
    services.post_hide(post=post, by=officer_b, reason="Rude")
    report.refresh_from_db()
    assert report.resolved_at is not None


def test_people_outside_the_group_may_not_report(group, officer_a, officer_b):
    member_of(group, officer_a)
    post = PostFactory(thread=ThreadFactory(group=group, author=officer_a.person))
    with pytest.raises(Refused):
        services.post_report(post=post, by=officer_b, reason="Rude")


def test_the_daily_digest_sends_the_days_posts_to_those_who_chose_it(
    group, officer_a, officer_c, org_b
):
    from .factories import officer_at

    each = officer_at(org_b)
    member_of(group, officer_a, notify="daily_digest")
    member_of(group, officer_c, notify="daily_digest")
    member_of(group, each, notify="each_reply")
    thread = ThreadFactory(group=group, author=officer_c.person, title="Community banks")
    PostFactory(thread=thread, author=officer_c.person, body="Who is working on one?")
    assert services.discussion_digests_send() == 1  # not to the author of the only post
    assert [m.to for m in outbox.outbox] == [[officer_a.email]]
    assert "Community banks" in outbox.outbox[0].body
    assert "Who is working on one?" in outbox.outbox[0].body
    assert services.discussion_digests_send() == 0  # nothing new since


# --- newsletter ---------------------------------------------------------------------------------


def _signup(email: str = "reader@example.org") -> Subscriber:
    return services.subscriber_signup(
        email=email, name="A Reader", source="test page", wording="I agree to the newsletter."
    )


def test_sign_up_is_double_opt_in_and_records_consent(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        subscriber = _signup("Reader@Example.org")
    assert subscriber.email == "reader@example.org"
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.consent_at is not None
    assert subscriber.consent_source == "test page"
    assert subscriber.consent_wording == "I agree to the newsletter."
    assert outbox.outbox[0].to == ["reader@example.org"]
    # The link in the email (its token is signed with the time it was sent) is this subscriber's.
    link = re.search(r"/confirm/([^/\s]+)/", outbox.outbox[0].body)
    assert link is not None
    token = link.group(1)
    assert mail.subscriber_for_confirm_token(token) == subscriber

    # Not sent to before confirming.
    NewsletterFactory(segment=Newsletter.Segment.PUBLIC, status=Newsletter.Status.QUEUED)
    services.newsletter_deliver(newsletter_id=Newsletter.objects.get().pk)
    assert len(outbox.outbox) == 1

    confirmed = services.subscriber_confirm(token=token)
    assert confirmed.status == Subscriber.Status.SUBSCRIBED
    assert confirmed.confirmed_at is not None


def test_a_bad_or_expired_confirmation_link_is_refused(settings):
    subscriber = _signup()
    with pytest.raises(EngagementError):
        services.subscriber_confirm(token="nonsense")
    token = mail.confirm_token(subscriber)
    later = timezone.now() + timedelta(days=8)
    from unittest import mock

    with mock.patch("time.time", return_value=later.timestamp()), pytest.raises(EngagementError):
        services.subscriber_confirm(token=token)


def test_sign_up_needs_consent_and_a_valid_address():
    with pytest.raises(EngagementError) as exc:
        services.subscriber_signup(email="not-an-email", name="", source="x", wording="I agree")
    assert exc.value.field == "email"
    with pytest.raises(EngagementError) as exc:
        services.subscriber_signup(email="a@example.org", name="", source="x", wording=" ")
    assert exc.value.field == "consent"


def _send(newsletter: Newsletter, by) -> Newsletter:
    services.newsletter_send(newsletter=newsletter, by=by)
    services.newsletter_deliver(newsletter_id=newsletter.pk)
    newsletter.refresh_from_db()
    return newsletter


def test_sending_records_what_went_to_whom(network_admin):
    a, b = SubscriberFactory(), SubscriberFactory()
    newsletter = _send(NewsletterFactory(), network_admin)
    assert newsletter.status == Newsletter.Status.SENT
    assert (newsletter.total, newsletter.sent_count, newsletter.percent_done) == (2, 2, 100)
    assert sorted(m.to[0] for m in outbox.outbox) == sorted([a.email, b.email])
    assert set(Delivery.objects.values_list("email", "status")) == {
        (a.email, "sent"),
        (b.email, "sent"),
    }
    with pytest.raises(EngagementError):  # not twice
        services.newsletter_send(newsletter=newsletter, by=network_admin)


def test_unsubscribe_stops_sending(network_admin):
    stays, leaves = SubscriberFactory(), SubscriberFactory()
    services.subscriber_unsubscribe(subscriber=leaves, how="link")
    leaves.refresh_from_db()
    assert leaves.status == Subscriber.Status.UNSUBSCRIBED
    assert leaves.unsubscribed_at
    _send(NewsletterFactory(), network_admin)
    assert [m.to for m in outbox.outbox] == [[stays.email]]


def test_an_unsubscribed_member_is_not_written_to_as_a_member(network_admin, officer_a, officer_c):
    SubscriberFactory(email=officer_c.email, status=Subscriber.Status.UNSUBSCRIBED)
    newsletter = _send(NewsletterFactory(segment=Newsletter.Segment.MEMBERS), network_admin)
    assert [m.to for m in outbox.outbox] == [[officer_a.email]]
    assert newsletter.skipped_count == 1
    assert Delivery.objects.get(email=officer_c.email).status == Delivery.Status.SKIPPED


def test_a_bounce_stops_sending(network_admin):
    stays, bounces = SubscriberFactory(), SubscriberFactory()
    services.subscriber_bounce(email=bounces.email, by=network_admin, reason="550 no such user")
    bounces.refresh_from_db()
    assert bounces.status == Subscriber.Status.BOUNCED
    assert bounces.bounced_at
    _send(NewsletterFactory(), network_admin)
    assert [m.to for m in outbox.outbox] == [[stays.email]]
    # Signing up again needs the confirmation again.
    assert _signup(bounces.email).status == Subscriber.Status.PENDING


def test_segments_pick_their_audience(network_admin, group, officer_a, org_b, affiliate_officer):
    from coopnet.members.models import RoleKind

    from .factories import officer_at

    councillor = officer_at(org_b, kind=RoleKind.COUNCILLOR)
    member_of(group, officer_a)
    public = SubscriberFactory()
    expected = {
        Newsletter.Segment.PUBLIC: {public.email},
        Newsletter.Segment.GROUP: {officer_a.email},
        Newsletter.Segment.OFFICERS: {officer_a.email, affiliate_officer.email},
        Newsletter.Segment.MEMBERS: {
            officer_a.email,
            councillor.email,
            affiliate_officer.email,
        },
    }
    from .. import selectors

    for segment, emails in expected.items():
        newsletter = NewsletterFactory(segment=segment, group=group)
        found = set(selectors.segment_addresses(newsletter, on=timezone.localdate()))
        assert found == emails, segment


def test_only_staff_write_and_send_newsletters(officer_a, board_member):
    for user in (officer_a, board_member):
        with pytest.raises(Refused):
            services.newsletter_create(by=user, subject="S", body="B", segment="public")
        with pytest.raises(Refused):
            services.newsletter_send(newsletter=NewsletterFactory(), by=user)
        with pytest.raises(Refused):
            services.subscriber_bounce(email="x@example.org", by=user)


def test_a_group_newsletter_needs_its_group(network_admin):
    with pytest.raises(EngagementError) as exc:
        services.newsletter_create(by=network_admin, subject="S", body="B", segment="group")
    assert exc.value.field == "group"


def test_a_test_send_goes_to_one_address_marked_as_a_test(
    network_admin, django_capture_on_commit_callbacks
):
    SubscriberFactory()
    newsletter = NewsletterFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.newsletter_send_test(newsletter=newsletter, by=network_admin, email="me@x.org")
    assert [m.to for m in outbox.outbox] == [["me@x.org"]]
    assert outbox.outbox[0].subject.startswith("[TEST]")
    newsletter.refresh_from_db()
    assert newsletter.is_draft
    assert not Delivery.objects.exists()


def test_leaving_a_group_one_is_not_in_is_refused(group, supporter, officer_a):
    for user in (supporter, officer_a):
        with pytest.raises(EngagementError):
            services.group_leave(group=group, by=user)


def test_a_large_send_costs_queries_per_batch_not_per_recipient(
    network_admin, django_assert_max_num_queries
):
    SubscriberFactory.create_batch(120)
    newsletter = NewsletterFactory.create()
    services.newsletter_send(newsletter=newsletter, by=network_admin)
    # 120 recipients in batches of 40: a fixed cost plus a few queries per batch.
    with django_assert_max_num_queries(40):
        services.newsletter_deliver(newsletter_id=newsletter.pk, batch_size=40)
    newsletter.refresh_from_db()
    assert (newsletter.total, newsletter.sent_count) == (120, 120)
    assert len(outbox.outbox) == 120


def test_an_address_unsubscribed_during_a_send_gets_nothing_more(network_admin, monkeypatch):
    first = SubscriberFactory.create(email="a@example.org")
    second = SubscriberFactory.create(email="b@example.org")
    newsletter = NewsletterFactory.create()
    services.newsletter_send(newsletter=newsletter, by=network_admin)
    from .. import delivery as sending

    real = sending._send_batch

    def unsubscribe_second_after_first_batch(*args, **kwargs):
        real(*args, **kwargs)
        services.subscriber_unsubscribe(subscriber=second, how="link")

    monkeypatch.setattr(sending, "_send_batch", unsubscribe_second_after_first_batch)
    services.newsletter_deliver(newsletter_id=newsletter.pk, batch_size=1)
    assert [m.to for m in outbox.outbox] == [[first.email]]
    newsletter.refresh_from_db()
    assert (newsletter.sent_count, newsletter.skipped_count) == (1, 1)


def test_members_accept_new_rules_with_their_version(group, officer_a, officer_c, network_admin):
    membership = services.group_join(group=group, by=officer_a, accepted_rules_version=1)
    assert not membership.needs_to_accept_rules
    group = services.group_rules_update(group=group, by=network_admin, rules_text="Be kinder.")
    membership.refresh_from_db()
    assert group.rules_version == 2
    assert membership.needs_to_accept_rules
    with pytest.raises(EngagementError):  # not ticked
        services.rules_accept(membership=membership, by=officer_a, accepted_rules_version=None)
    with pytest.raises(Refused):  # not for someone else
        services.rules_accept(membership=membership, by=officer_c, accepted_rules_version=2)
    accepted = services.rules_accept(membership=membership, by=officer_a, accepted_rules_version=2)
    assert accepted.rules_version_accepted == 2
    assert not accepted.needs_to_accept_rules
    assert membership.history.count() == 2  # the first acceptance is kept in the history
    with pytest.raises(Refused):  # only coordinators and staff change the rules
        services.group_rules_update(group=group, by=officer_a, rules_text="Anything goes.")


def test_a_member_of_the_public_who_is_written_to_as_a_member_can_sign_up(officer_a):
    SubscriberFactory(email=officer_a.email, origin=Subscriber.Origin.MEMBERSHIP)
    subscriber = _signup(officer_a.email)
    assert (subscriber.origin, subscriber.status) == ("signup", "pending")
