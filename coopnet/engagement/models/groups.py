"""Networks and groups: the Officer Network, regional and thematic networks, the Leaders group."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from coopnet.core.actors import history_user
from coopnet.core.periods import PeriodMixin, PeriodQuerySet
from coopnet.members.models import MembershipCategory, Person, RoleKind


class Group(models.Model):
    class Kind(models.TextChoices):
        OFFICER_NETWORK = "officer_network", _("Officer network")
        REGIONAL = "regional", _("Regional network")
        THEMATIC = "thematic", _("Thematic group")
        LEADERS = "leaders", _("Leaders group")

    class JoinPolicy(models.TextChoices):
        OPEN = "open", _("Open: eligible people join straight away")
        APPROVAL = "approval", _("Request: a coordinator approves each request")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    purpose = models.TextField(_("purpose"))
    meets = models.CharField(
        _("meets"), max_length=200, blank=True, help_text=_("For example: monthly, online")
    )
    chair = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="chaired_groups",
        verbose_name=_("chair"),
    )
    coordinators = models.ManyToManyField(
        Person, blank=True, related_name="coordinated_groups", verbose_name=_("coordinators")
    )
    eligible_categories = models.ManyToManyField(
        MembershipCategory,
        blank=True,
        related_name="+",
        verbose_name=_("membership categories whose people may join"),
        help_text=_("Empty: anyone with an account may join."),
    )
    eligible_role_kinds = models.JSONField(
        _("roles that may join"),
        default=list,
        blank=True,
        help_text=_("Empty: any role at an organisation in those categories."),
    )
    join_policy = models.CharField(
        _("joining"), max_length=16, choices=JoinPolicy.choices, default=JoinPolicy.OPEN
    )
    chat_link = models.URLField(
        _("chat group link"),
        blank=True,
        help_text=_("Shown only to the group's members, e.g. a WhatsApp group invitation."),
    )
    chat_label = models.CharField(_("chat group name"), max_length=100, blank=True)
    rules_text = models.TextField(_("rules of engagement"), blank=True)
    rules_version = models.PositiveIntegerField(_("rules version"), default=1)
    is_listed = models.BooleanField(_("listed on the networks page"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(get_user=history_user, m2m_fields=[coordinators])

    class Meta:
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("engagement:group", kwargs={"slug": self.slug})

    @property
    def asks_for_approval(self) -> bool:
        return self.join_policy == self.JoinPolicy.APPROVAL

    def who_may_join(self) -> str:
        """Who may join, in words: "Officer, Officer lead at Full, Associate members"."""
        categories = ", ".join(c.name for c in self.eligible_categories.all())
        if not categories:
            return str(_("Anyone with an account"))
        roles = ", ".join(self.eligible_role_labels())
        if roles:
            return str(_("%(roles)s at %(categories)s members")) % {
                "roles": roles,
                "categories": categories,
            }
        return str(_("People at %(categories)s members")) % {"categories": categories}

    def eligible_role_labels(self) -> list[str]:
        labels = dict(RoleKind.choices)
        return [str(labels.get(kind, kind)) for kind in self.eligible_role_kinds]


class GroupMembershipQuerySet(PeriodQuerySet):
    def active(self, on: date) -> GroupMembershipQuerySet:
        return self.filter(status=GroupMembership.Status.ACTIVE).current_on(on)


class GroupMembership(PeriodMixin, models.Model):
    """A person's membership of a group over time, with the rules they accepted."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        ACTIVE = "active", _("Member")
        LEFT = "left", pgettext_lazy("group membership", "Left")
        DECLINED = "declined", _("Declined")

    class Notify(models.TextChoices):
        EACH_REPLY = "each_reply", _("An email for each new post")
        DAILY_DIGEST = "daily_digest", _("A daily digest")
        NONE = "none", _("No emails")

    group = models.ForeignKey(
        Group, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("group")
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        related_name="group_memberships",
        verbose_name=_("person"),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    start = models.DateField(_("from"), null=True, blank=True)
    end = models.DateField(_("until"), null=True, blank=True)
    requested_at = models.DateTimeField(_("requested"), null=True, blank=True)
    rules_version_accepted = models.PositiveIntegerField(
        _("rules version accepted"), null=True, blank=True
    )
    rules_accepted_at = models.DateTimeField(_("rules accepted"), null=True, blank=True)
    visible_in_list = models.BooleanField(_("shown in the group's member list"), default=False)
    notify = models.CharField(
        _("emails about discussions"),
        max_length=16,
        choices=Notify.choices,
        default=Notify.DAILY_DIGEST,
    )
    last_digest_at = models.DateTimeField(null=True, blank=True)

    history = HistoricalRecords(get_user=history_user)
    objects = models.Manager.from_queryset(GroupMembershipQuerySet)()

    class Meta:
        verbose_name = _("group membership")
        verbose_name_plural = _("group memberships")
        ordering = ["group__name", "person__full_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "person"],
                condition=Q(status__in=["requested", "active"]),
                name="one_open_group_membership",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.group} ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def needs_to_accept_rules(self) -> bool:
        """The group's rules changed since this member accepted them."""
        group = self.group
        return bool(group.rules_text) and self.rules_version_accepted != group.rules_version
