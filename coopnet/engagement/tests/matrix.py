"""Networks, discussions and the newsletter in the permission matrices (core/tests/matrix.py)."""

from __future__ import annotations

from typing import Any

from coopnet.core.tests.matrix import (
    DENY,
    EDIT,
    NOT_FOUND,
    OK,
    REDIRECT,
    Entry,
    admins_only,
    everyone,
    signed_in,
)

GROUP = lambda c: {"slug": c["engagement_group"].slug}  # noqa: E731
THREAD = lambda c: {"slug": c["engagement_group"].slug, "pk": c["engagement_thread"].pk}  # noqa: E731
POST = lambda c: {"pk": c["engagement_post"].pk}  # noqa: E731
ISSUE = lambda c: {"pk": c["engagement_newsletter"].pk}  # noqa: E731

# officer_a is a member of the group; officer_b is eligible (an officer of a Full member) but
# not a member; the others have no registry record, so they may not join.
ELIGIBLE = {**signed_in(DENY), "officer_a": OK, "officer_b": OK}
MEMBERS_AND_STAFF = {**signed_in(DENY), "officer_a": OK, "network_admin": OK}
MEMBERS = {**signed_in(DENY), "officer_a": OK}
ADMIN_POST = {**signed_in(DENY), "network_admin": REDIRECT}

ENTRIES: dict[str, Entry] = {
    "engagement:groups": Entry(everyone(OK)),
    "engagement:group": Entry(everyone(OK), GROUP),
    "engagement:join": Entry(ELIGIBLE, GROUP),
    # Leaving a group one is not in: a message and back to the group page.
    "engagement:leave": Entry(
        signed_in(REDIRECT), lambda c: {"slug": c["engagement_other_group"].slug}, method="post"
    ),
    "engagement:preferences": Entry(MEMBERS, GROUP),
    # Accepting (nothing ticked: a message) for the member; others have no membership: 404.
    "engagement:rules_accept": Entry(
        {**signed_in(NOT_FOUND), "officer_a": REDIRECT}, GROUP, method="post"
    ),
    "engagement:requests": Entry(admins_only(), GROUP),
    "engagement:request_decide": Entry(
        ADMIN_POST,
        lambda c: {
            "slug": c["engagement_group"].slug,
            "pk": c["engagement_request"].pk,
            "decision": "decline",
        },
        method="post",
    ),
    "engagement:moderation": Entry(admins_only(), GROUP),
    "engagement:threads": Entry(MEMBERS_AND_STAFF, GROUP),
    "engagement:thread": Entry(MEMBERS_AND_STAFF, THREAD),
    "engagement:thread_new": Entry(MEMBERS, GROUP),
    "engagement:thread_lock": Entry(ADMIN_POST, THREAD, method="post"),
    "engagement:post_hide": Entry(admins_only(), POST),
    "engagement:thread_hide": Entry(admins_only(), THREAD),
    # Closing a report needs a reason: without one, a message and back to the coordinators' page.
    "engagement:report_close": Entry(
        ADMIN_POST,
        lambda c: {"slug": c["engagement_group"].slug, "pk": c["engagement_report"].pk},
        method="post",
    ),
    "engagement:post_report": Entry(MEMBERS_AND_STAFF, POST),
    "newsletter:signup": Entry(everyone(OK)),
    "newsletter:signup_done": Entry(everyone(OK)),
    "newsletter:confirm": Entry(everyone(OK), lambda c: {"token": c["engagement_confirm"]}),
    "newsletter:unsubscribe": Entry(everyone(OK), lambda c: {"token": c["engagement_unsubscribe"]}),
    "newsletter:issues": Entry(admins_only()),
    "newsletter:issue_new": Entry(admins_only()),
    "newsletter:bounce": Entry(admins_only()),
    "newsletter:issue": Entry(admins_only(), ISSUE),
    "newsletter:issue_edit": Entry(admins_only(), ISSUE),
    "newsletter:issue_send": Entry(admins_only(), ISSUE),
    "newsletter:progress": Entry(admins_only(), ISSUE),
    "newsletter:issue_test": Entry(ADMIN_POST, ISSUE, method="post"),
    # API v1: groups' public metadata
    "api:group-list": Entry(everyone(OK)),
    "api:group-detail": Entry(everyone(OK), GROUP),
}

BACK_OFFICE: dict[str, dict[str, set[str]]] = {
    "engagement.group": {"network_admin": EDIT},
    # Memberships and subscribers change through the site's services (consent, audit); staff read.
    "engagement.groupmembership": {"network_admin": {"view"}},
    "engagement.subscriber": {"network_admin": {"view"}},
}


def back_office_objects(objects: dict[str, Any]) -> dict[str, Any]:
    from .factories import GroupFactory, GroupMembershipFactory, SubscriberFactory

    membership = GroupMembershipFactory.create()
    return {
        "engagement.group": GroupFactory.create(),
        "engagement.groupmembership": membership,
        "engagement.subscriber": SubscriberFactory.create(),
    }


def site_context(ctx: dict[str, Any]) -> dict[str, Any]:
    from coopnet.engagement import mail
    from coopnet.engagement.models import PostReport
    from coopnet.members.tests.factories import PersonFactory

    from .factories import (
        GroupFactory,
        GroupMembershipFactory,
        NewsletterFactory,
        PostFactory,
        SubscriberFactory,
        ThreadFactory,
    )

    officer_a = ctx["users"]["officer_a"]
    group = GroupFactory(name="Matrix group", slug="matrix-group")
    GroupMembershipFactory(group=group, person=officer_a.person)
    request = GroupMembershipFactory(group=group, person=PersonFactory(), status="requested")
    thread = ThreadFactory(group=group, author=officer_a.person)
    post = PostFactory(thread=thread)
    report = PostReport.objects.create(
        post=post,  # type: ignore[misc]
        reported_by=officer_a,
        reason="Off topic",
    )
    pending = SubscriberFactory.create(status="pending")
    return {
        "engagement_group": group,
        "engagement_other_group": GroupFactory(name="Other group", slug="matrix-other"),
        "engagement_request": request,
        "engagement_thread": thread,
        "engagement_post": post,
        "engagement_report": report,
        "engagement_newsletter": NewsletterFactory(),
        "engagement_confirm": mail.confirm_token(pending),
        "engagement_unsubscribe": mail.unsubscribe_token(SubscriberFactory.create()),
    }
