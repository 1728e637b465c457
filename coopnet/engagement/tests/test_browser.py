"""Done means (engagement's part): a person joins a thematic group accepting its rules, posts, and
another member is notified; a newsletter sign-up is confirmed and unsubscribed with one click.
In Chromium, with axe-core on every page."""

from __future__ import annotations

import re

import pytest
from django.core import mail as outbox

from conftest import PASSWORD

from .. import mail
from ..models import GroupMembership, Subscriber
from .factories import member_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_join_a_group_accepting_its_rules_post_and_another_member_is_notified(
    browser_page, group, officer_a, officer_c
):
    member_of(group, officer_c, notify="each_reply")
    bp = browser_page.sign_in(officer_a.email, PASSWORD)
    bp.visit("/networks/")
    bp.follow(group.name)
    bp.follow("Join this group")
    page = bp.page
    bp.submit("Join this group")
    assert page.title().startswith("Error:")
    page.get_by_label("I accept the group's rules of engagement").check()
    page.get_by_label("An email for each new post").check()
    bp.submit("Join this group")
    assert "You have joined" in page.locator(".govuk-notification-banner").inner_text()
    assert page.get_by_role("link", name="WhatsApp group").is_visible()
    membership = GroupMembership.objects.get(person=officer_a.person)
    assert membership.rules_version_accepted == group.rules_version

    bp.follow("Discussions")
    bp.follow("Start a discussion")
    page.get_by_label("Title").fill("Anchor institutions")
    page.get_by_label("Message").fill("Who has a local buying pledge with the hospital trust?")
    bp.submit("Post")
    assert page.get_by_role("heading", name="Anchor institutions").is_visible()
    assert [m.to for m in outbox.outbox] == [[officer_c.email]]
    assert "local buying pledge" in outbox.outbox[0].body


def test_newsletter_sign_up_confirmed_then_unsubscribed_with_one_click(browser_page):
    bp = browser_page.visit("/newsletter/")
    page = bp.page
    page.get_by_label("Email address").fill("reader@example.org")
    page.get_by_label("I would like to receive").check()
    bp.submit("Sign up")
    assert page.get_by_role("heading", name="Check your email").is_visible()
    link = re.search(r"/newsletter/confirm/[^/\s]+/", outbox.outbox[0].body)
    assert link is not None
    bp.visit(link.group(0))
    bp.submit("Confirm")
    assert page.get_by_role("heading", name="You are subscribed").is_visible()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.SUBSCRIBED

    bp.visit(f"/newsletter/unsubscribe/{mail.unsubscribe_token(subscriber)}/")
    bp.submit("Unsubscribe")
    assert page.get_by_role("heading", name="You have unsubscribed").is_visible()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_the_moderation_pages_pass_axe(browser_page, group, officer_a, officer_c, network_admin):
    from coopnet.events.tests.factories import EventFactory

    from .. import services
    from .factories import PostFactory, ThreadFactory

    member_of(group, officer_a)
    member_of(group, officer_c)
    post = PostFactory(thread=ThreadFactory(group=group, author=officer_a.person))
    services.post_report(post=post, by=officer_c, reason="Off topic")
    EventFactory(title="Wealth building webinar", group=group)
    bp = browser_page.sign_in(network_admin.email, PASSWORD)
    bp.visit(f"/networks/{group.slug}/")
    assert bp.page.get_by_role("link", name="Wealth building webinar").is_visible()
    bp.visit(f"/networks/{group.slug}/moderation/")
    bp.page.get_by_label("Why you are closing the report").fill("Within the rules")
    bp.submit("Close the report")
    assert "The report is closed." in bp.page.content()
    bp.visit(f"/networks/{group.slug}/discussions/{post.thread.pk}/hide/")
    bp.submit("Hide the discussion")  # no reason: the form with its error
    assert bp.page.title().startswith("Error:")
    bp.page.get_by_label("Reason").fill("Spam")
    bp.submit("Hide the discussion")
    bp.visit(f"/networks/{group.slug}/discussions/{post.thread.pk}/")
    bp.submit("Show the discussion again")
