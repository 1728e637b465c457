"""Reads of networks, discussions and the newsletter, each with its joins already set."""

from __future__ import annotations

from datetime import date, datetime

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from coopnet.core.periods import current_on_q
from coopnet.members.models import Membership, Person, Role, RoleKind

from .models import (
    Delivery,
    Group,
    GroupMembership,
    Newsletter,
    Post,
    PostReport,
    Subscriber,
    Thread,
)

OFFICER_KINDS = (RoleKind.OFFICER, RoleKind.OFFICER_LEAD)


def person_of(user) -> Person | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.person
    except (Person.DoesNotExist, AttributeError):
        return None


# --- groups -------------------------------------------------------------------------------------


def groups_listed(*, on: date) -> QuerySet[Group]:
    active = Q(memberships__status=GroupMembership.Status.ACTIVE) & current_on_q(
        on, prefix="memberships__"
    )
    return (
        Group.objects.filter(is_listed=True)
        .select_related("chair")
        .prefetch_related("eligible_categories")
        .annotate(member_count=Count("memberships", filter=active, distinct=True))
        .order_by("kind", "name")
    )


def group_by_slug(slug: str) -> Group:
    return (
        Group.objects.select_related("chair")
        .prefetch_related("eligible_categories", "coordinators")
        .get(slug=slug)
    )


def visible_members(group: Group, *, on: date) -> QuerySet[GroupMembership]:
    return (
        GroupMembership.objects.active(on)
        .filter(group=group, visible_in_list=True)
        .select_related("person")
        .order_by("person__full_name")
    )


def active_member_count(group: Group, *, on: date) -> int:
    return GroupMembership.objects.active(on).filter(group=group).count()


def open_membership(group: Group, person: Person | None) -> GroupMembership | None:
    """The person's requested or active membership of the group, if any."""
    if person is None:
        return None
    return (
        GroupMembership.objects.filter(
            group=group,
            person=person,
            status__in=[GroupMembership.Status.REQUESTED, GroupMembership.Status.ACTIVE],
        )
        .select_related("group")
        .order_by("-pk")
        .first()
    )


def is_active_member(group: Group, person: Person | None, *, on: date) -> bool:
    if person is None:
        return False
    return GroupMembership.objects.active(on).filter(group=group, person=person).exists()


def is_coordinator(group: Group, person: Person | None) -> bool:
    if person is None:
        return False
    return group.coordinators.filter(pk=person.pk).exists()


def eligible_people(group: Group, *, on: date) -> QuerySet[Person]:
    """People who may join: a current role (of the kinds the group names) at an organisation
    with a current membership in one of its categories, or an individual membership in one."""
    categories = list(group.eligible_categories.values_list("pk", flat=True))
    if not categories:
        return Person.objects.filter(user__isnull=False)
    member_orgs = Membership.objects.current_on(on).filter(
        category_id__in=categories, organisation_id=OuterRef("organisation_id")
    )
    roles = Role.objects.current_on(on).filter(person_id=OuterRef("pk"))
    if group.eligible_role_kinds:
        roles = roles.filter(kind__in=group.eligible_role_kinds)
    by_role = Exists(roles.filter(Exists(member_orgs)))
    condition: Q | Exists = by_role
    if not group.eligible_role_kinds:
        individual = Membership.objects.current_on(on).filter(
            category_id__in=categories, person_id=OuterRef("pk")
        )
        condition = by_role | Exists(individual)
    return Person.objects.filter(condition)


def is_eligible(group: Group, person: Person | None, *, on: date) -> bool:
    if person is None:
        return False
    return eligible_people(group, on=on).filter(pk=person.pk).exists()


def join_requests(group: Group) -> QuerySet[GroupMembership]:
    return (
        GroupMembership.objects.filter(group=group, status=GroupMembership.Status.REQUESTED)
        .select_related("person")
        .order_by("requested_at", "pk")
    )


def groups_of(person: Person | None, *, on: date) -> QuerySet[GroupMembership]:
    if person is None:
        return GroupMembership.objects.none()
    return GroupMembership.objects.active(on).filter(person=person).select_related("group")


# --- discussions --------------------------------------------------------------------------------


def threads_of(group: Group, *, include_hidden: bool) -> QuerySet[Thread]:
    qs = Thread.objects.filter(group=group).select_related("author", "group")
    if not include_hidden:
        qs = qs.filter(is_hidden=False)
    return qs.annotate(reply_count=Count("posts", filter=Q(posts__is_hidden=False)) - 1).order_by(
        "-last_post_at", "-pk"
    )


def thread_detail(group: Group, pk: int) -> Thread:
    return Thread.objects.select_related("group", "author").get(group=group, pk=pk)


def posts_of(thread: Thread) -> QuerySet[Post]:
    return Post.objects.filter(thread=thread).select_related("author").order_by("created_at", "pk")


def post_by_pk(pk: int) -> Post:
    return Post.objects.select_related("thread__group", "author").get(pk=pk)


def open_reports(group: Group) -> QuerySet[PostReport]:
    return (
        PostReport.objects.filter(post__thread__group=group, resolved_at__isnull=True)
        .select_related("post__thread", "post__author", "reported_by")
        .order_by("-created_at")
    )


def report_of(group: Group, pk: int) -> PostReport:
    """One report on a post of the group (raises PostReport.DoesNotExist)."""
    return PostReport.objects.select_related("post__thread__group").get(
        pk=pk, post__thread__group=group
    )


def closed_reports(group: Group, *, limit: int = 20) -> QuerySet[PostReport]:
    return (
        PostReport.objects.filter(post__thread__group=group, resolved_at__isnull=False)
        .select_related("post__thread", "post__author", "reported_by", "resolved_by")
        .order_by("-resolved_at")[:limit]
    )


def each_reply_recipients(thread: Thread, *, author: Person, on: date) -> list[str]:
    """Emails of the group's members who want each post, other than its author."""
    memberships = (
        GroupMembership.objects.active(on)
        .filter(group_id=thread.group_id, notify=GroupMembership.Notify.EACH_REPLY)
        .exclude(person=author)
        .select_related("person__user")
    )
    return sorted({e for m in memberships if (e := email_of(m.person))})


def email_of(person: Person) -> str:
    user = person.user
    return (user.email if user else "") or person.email


def digest_memberships(*, on: date) -> QuerySet[GroupMembership]:
    return (
        GroupMembership.objects.active(on)
        .filter(notify=GroupMembership.Notify.DAILY_DIGEST)
        .select_related("person__user", "group")
        .order_by("person_id", "group_id")
    )


def digest_posts(membership: GroupMembership, *, since: datetime, until: datetime) -> list[Post]:
    return list(
        Post.objects.filter(
            thread__group_id=membership.group_id,
            created_at__gt=since,
            created_at__lte=until,
            is_hidden=False,
            thread__is_hidden=False,
        )
        .exclude(author_id=membership.person_id)
        .select_related("thread", "author")
        .order_by("thread_id", "created_at")
    )


# --- newsletter ---------------------------------------------------------------------------------


def newsletters() -> QuerySet[Newsletter]:
    return Newsletter.objects.select_related("group", "created_by").order_by("-created_at", "-pk")


def deliveries_of(newsletter: Newsletter) -> QuerySet[Delivery]:
    return Delivery.objects.filter(newsletter=newsletter).order_by("pk")


def _people_emails(people: QuerySet[Person]) -> dict[str, tuple[str, int]]:
    found: dict[str, tuple[str, int]] = {}
    for pk, name, email, user_email in people.values_list(
        "pk", "full_name", "email", "user__email"
    ).order_by("pk"):
        address = (user_email or email or "").strip().lower()
        if address and address not in found:
            found[address] = (name, pk)
    return found


def segment_people(newsletter: Newsletter, *, on: date) -> QuerySet[Person]:
    members = Membership.objects.current_on(on).filter(
        category__counts_as_member=True, organisation_id=OuterRef("organisation_id")
    )
    roles = Role.objects.current_on(on).filter(person_id=OuterRef("pk")).filter(Exists(members))
    if newsletter.segment == Newsletter.Segment.MEMBERS:
        individual = Membership.objects.current_on(on).filter(
            category__counts_as_member=True, person_id=OuterRef("pk")
        )
        return Person.objects.filter(Exists(roles) | Exists(individual))
    if newsletter.segment == Newsletter.Segment.OFFICERS:
        return Person.objects.filter(Exists(roles.filter(kind__in=OFFICER_KINDS)))
    if newsletter.segment == Newsletter.Segment.GROUP:
        active = GroupMembership.objects.active(on).filter(
            group_id=newsletter.group_id, person_id=OuterRef("pk")
        )
        return Person.objects.filter(Exists(active))
    return Person.objects.none()


def segment_addresses(newsletter: Newsletter, *, on: date) -> dict[str, tuple[str, int | None]]:
    """Every address of the issue's audience: {email: (name, person id)}."""
    if newsletter.segment == Newsletter.Segment.PUBLIC:
        return {
            email: (name, person_id)
            for email, name, person_id in Subscriber.objects.filter(
                origin=Subscriber.Origin.SIGNUP, status=Subscriber.Status.SUBSCRIBED
            ).values_list("email", "name", "person_id")
        }
    return dict(_people_emails(segment_people(newsletter, on=on)))


def subscriber_counts() -> dict[str, int]:
    return dict(Subscriber.objects.values_list("status").annotate(n=Count("pk")))


def memberships_prefetch(on: date) -> Prefetch:
    return Prefetch(
        "memberships",
        queryset=GroupMembership.objects.active(on).select_related("person"),
        to_attr="active_memberships",
    )
