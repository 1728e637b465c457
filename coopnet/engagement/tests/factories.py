"""Factories for networks, discussions and the newsletter."""

from __future__ import annotations

import factory
from django.utils import timezone

from coopnet.accounts.roles import UserRole
from coopnet.members.models import Organisation, RoleKind
from coopnet.members.tests.factories import PersonFactory, RoleFactory, UserFactory, category

from ..models import Group, GroupMembership, Newsletter, Post, Subscriber, Thread

RULES = "Be kind. Keep what others share in the group. No selling."


class GroupFactory(factory.django.DjangoModelFactory[Group]):
    class Meta:
        model = Group
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Thematic group {n}")
    slug = factory.Sequence(lambda n: f"group-{n}")
    kind = Group.Kind.THEMATIC
    purpose = "Share what works."
    join_policy = Group.JoinPolicy.OPEN
    rules_text = RULES
    chat_link = "https://chat.whatsapp.com/InviteCode123"
    chat_label = "WhatsApp group"

    @factory.post_generation
    def categories(obj: Group, create: bool, extracted: list[str] | None, **kw: object) -> None:
        """Who may join: codes of membership categories (default: Full and Associate)."""
        if create:
            for code in ["full", "associate"] if extracted is None else extracted:
                obj.eligible_categories.add(category(code))


class GroupMembershipFactory(factory.django.DjangoModelFactory[GroupMembership]):
    class Meta:
        model = GroupMembership

    group = factory.SubFactory(GroupFactory)
    person = factory.SubFactory(PersonFactory)
    status = GroupMembership.Status.ACTIVE
    start = factory.LazyFunction(timezone.localdate)
    rules_version_accepted = 1
    rules_accepted_at = factory.LazyFunction(timezone.now)
    visible_in_list = True
    notify = GroupMembership.Notify.NONE


class ThreadFactory(factory.django.DjangoModelFactory[Thread]):
    class Meta:
        model = Thread

    group = factory.SubFactory(GroupFactory)
    title = factory.Sequence(lambda n: f"Discussion {n}")
    author = factory.SubFactory(PersonFactory)
    last_post_at = factory.LazyFunction(timezone.now)


class PostFactory(factory.django.DjangoModelFactory[Post]):
    class Meta:
        model = Post

    thread = factory.SubFactory(ThreadFactory)
    author = factory.SelfAttribute("thread.author")
    body = "Has anyone tried participatory budgeting at ward level?"


class SubscriberFactory(factory.django.DjangoModelFactory[Subscriber]):
    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    status = Subscriber.Status.SUBSCRIBED
    origin = Subscriber.Origin.SIGNUP
    consent_at = factory.LazyFunction(timezone.now)
    consent_source = "test"
    consent_wording = "I agree."


class NewsletterFactory(factory.django.DjangoModelFactory[Newsletter]):
    class Meta:
        model = Newsletter

    subject = "News from the network"
    body = "Our members have been busy."
    segment = Newsletter.Segment.PUBLIC


def officer_at(organisation: Organisation, *, kind: str = RoleKind.OFFICER):
    """A signed-in officer (with a person record and a current role) at an organisation."""
    user = UserFactory(roles=[UserRole.MEMBER_OFFICER])
    person = PersonFactory(user=user, full_name=user.full_name, email=user.email)
    RoleFactory(person=person, organisation=organisation, kind=kind)
    return user


def member_of(group: Group, user, **kwargs: object) -> GroupMembership:
    return GroupMembershipFactory.create(group=group, person=user.person, **kwargs)
