"""Elections to the seats of a governance body: timetable, nominations, electorate, secret
ballots, counts and results.

Secrecy: a `Ballot` has a random UUID key, a random receipt code and the choices, and nothing
else: no voter, no organisation, no time. Whether an organisation has voted is a separate
`VoteMark` (also a random UUID key, no time). Neither is ever ordered by insertion, and both
are rewritten in random order when voting closes (services/ballot_box.py).
"""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopnet.core.actors import history_user
from coopnet.core.versioning import VersionedQuerySet
from coopnet.governance.models import Constituency

# The constituencies whose seats are filled by a vote of member organisations.
ELECTED_CONSTITUENCIES = (Constituency.FULL, Constituency.ASSOCIATE, Constituency.AFFILIATE)

RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
RECEIPT_GROUPS = 4


def new_receipt_code() -> str:
    """Sixteen random characters in four groups (80 bits): e.g. 7KQ2-MX4P-..."""
    groups = (
        "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(4)) for _ in range(RECEIPT_GROUPS)
    )
    return "-".join(groups)


class Method(models.TextChoices):
    FPTP = "fptp", _("First past the post")
    STV = "stv", _("Single transferable vote (Scottish STV rules)")


class Election(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Being set up")
        NOMINATIONS = "nominations", _("Nominations open")
        NOMINATIONS_CLOSED = "nominations_closed", _("Nominations closed")
        VOTING = "voting", _("Voting open")
        VOTING_CLOSED = "voting_closed", _("Voting closed")
        COUNTED = "counted", _("Counted")
        PUBLISHED = "published", _("Results published")

    body = models.ForeignKey(
        "governance.Body",
        on_delete=models.PROTECT,
        related_name="elections",
        verbose_name=_("body"),
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    method = models.CharField(_("voting method"), max_length=10, choices=Method, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=State, default=State.DRAFT)
    term_start = models.DateField(_("term starts"), null=True, blank=True)
    term_end = models.DateField(_("term ends"), null=True, blank=True)
    nominations_open = models.DateTimeField(_("nominations open"), null=True, blank=True)
    nominations_close = models.DateTimeField(_("nominations close"), null=True, blank=True)
    voting_open = models.DateTimeField(_("voting opens"), null=True, blank=True)
    voting_close = models.DateTimeField(_("voting closes"), null=True, blank=True)
    count_at = models.DateTimeField(_("count"), null=True, blank=True)
    results_at = models.DateTimeField(_("results published"), null=True, blank=True)
    electorate_on = models.DateField(_("electorate fixed on"), null=True, blank=True)
    reported_only = models.BooleanField(
        _("past election recorded from a report"),
        default=False,
        help_text=_("Held before this system: only what the source reports is recorded."),
    )
    held = models.CharField(
        _("when it was held"), max_length=100, blank=True, help_text=_("For past elections.")
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(get_user=history_user)
    objects = VersionedQuerySet.as_manager()  # bulk writes move the public pages on

    class Meta:
        ordering = [models.F("term_start").desc(nulls_last=True), "title"]
        verbose_name = _("election")
        verbose_name_plural = _("elections")
        constraints = [
            models.CheckConstraint(
                condition=Q(term_end__isnull=True)
                | Q(term_start__isnull=True)
                | Q(term_end__gt=models.F("term_start")),
                name="election_term_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("elections:detail", kwargs={"slug": self.slug})

    @property
    def results_public(self) -> bool:
        return self.state == self.State.PUBLISHED

    @property
    def is_public(self) -> bool:
        return self.state != self.State.DRAFT


class Contest(models.Model):
    """One seat of the body filled at the election, with how many of its places."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="contests")
    seat = models.ForeignKey(
        "governance.Seat", on_delete=models.PROTECT, related_name="contests", verbose_name=_("seat")
    )
    places = models.PositiveSmallIntegerField(_("places to fill"), default=1)
    uncontested = models.BooleanField(_("uncontested"), default=False)
    valid_ballots = models.PositiveIntegerField(_("valid ballots"), null=True, blank=True)
    quota = models.PositiveIntegerField(_("quota"), null=True, blank=True)
    lot_seed = models.BigIntegerField(_("seed of the draw"), null=True, blank=True)
    counted_at = models.DateTimeField(_("counted"), null=True, blank=True)

    class Meta:
        ordering = ["election", "seat__order", "seat_id"]
        verbose_name = _("contest")
        verbose_name_plural = _("contests")
        constraints = [
            models.UniqueConstraint(fields=["election", "seat"], name="one_contest_per_seat"),
            models.CheckConstraint(condition=Q(places__gte=1), name="contest_has_places"),
        ]

    def __str__(self) -> str:
        return f"{self.election}: {self.seat.name}"

    @property
    def constituency(self) -> str:
        return self.seat.constituency


class Nomination(models.Model):
    class Status(models.TextChoices):
        AWAITING = "awaiting", _("Waiting for the nominee to accept")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined or withdrawn")
        LAPSED = "lapsed", _("Not accepted before nominations closed")

    class Outcome(models.TextChoices):
        NONE = "", _("Not decided")
        ELECTED = "elected", _("Elected")
        UNOPPOSED = "unopposed", _("Elected unopposed")
        NOT_ELECTED = "not_elected", _("Not elected")

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="nominations")
    person = models.ForeignKey(
        "members.Person", on_delete=models.PROTECT, related_name="nominations"
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        related_name="nominees",
        verbose_name=_("nominee's organisation"),
    )
    nominated_by_organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        related_name="nominations_made",
        verbose_name=_("nominating organisation"),
        null=True,
        blank=True,
    )
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    statement = models.TextField(_("statement"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.AWAITING)
    outcome = models.CharField(
        _("outcome"), max_length=12, choices=Outcome, default=Outcome.NONE, blank=True
    )
    elected_order = models.PositiveSmallIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    responded_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["contest", "person__full_name", "pk"]
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        constraints = [
            models.UniqueConstraint(
                fields=["contest", "person"],
                condition=~Q(status__in=["declined", "lapsed"]),
                name="one_live_nomination_per_person_and_contest",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.contest}"

    @property
    def is_candidate(self) -> bool:
        return self.status == self.Status.ACCEPTED

    @property
    def is_elected(self) -> bool:
        return self.outcome in (self.Outcome.ELECTED, self.Outcome.UNOPPOSED)


class Elector(models.Model):
    """A member organisation entitled to vote, fixed from the registry when voting opens."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="electors")
    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    constituency = models.CharField(_("constituency"), max_length=30, choices=Constituency)
    contacts = models.ManyToManyField(
        "members.Person", related_name="+", blank=True, verbose_name=_("voting contacts")
    )

    class Meta:
        ordering = ["election", "constituency", "organisation__name"]
        verbose_name = _("elector")
        verbose_name_plural = _("electors")
        constraints = [
            models.UniqueConstraint(
                fields=["election", "organisation"], name="one_elector_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_constituency_display()})"


class Delegation(models.Model):
    """A member organisation's choice of person to cast its vote at an election."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="delegations")
    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    person = models.ForeignKey(
        "members.Person", on_delete=models.PROTECT, related_name="+", verbose_name=_("delegate")
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        constraints = [
            models.UniqueConstraint(
                fields=["election", "organisation"], name="one_delegate_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} for {self.organisation}"


class VoteMark(models.Model):
    """'This organisation has voted in this contest': no time, no link to the ballot."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    elector = models.ForeignKey(Elector, on_delete=models.CASCADE, related_name="marks")
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="marks")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["elector", "contest"], name="one_ballot_per_elector")
        ]

    def __str__(self) -> str:
        return str(_("Voted"))


class Ballot(models.Model):
    """A secret ballot: the choices (nomination ids; ranked for STV) and a receipt code."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="ballots")
    receipt = models.CharField(max_length=24, unique=True, default=new_receipt_code)
    choices = models.JSONField(default=list)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.receipt


class CountStage(models.Model):
    """One stage of a contest's count: every candidate's total at its end."""

    class Action(models.TextChoices):
        FIRST = "first", _("First preferences")
        SURPLUS = "surplus", _("Transfer of surplus")
        EXCLUSION = "exclusion", _("Exclusion")

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="stages")
    number = models.PositiveSmallIntegerField()
    action = models.CharField(max_length=10, choices=Action)
    subject = models.ForeignKey(
        Nomination, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    totals = models.JSONField(default=dict)  # nomination id -> votes, as "12.34567"
    non_transferable = models.DecimalField(max_digits=12, decimal_places=5, default=0)
    transfer_value = models.DecimalField(max_digits=7, decimal_places=5, null=True, blank=True)
    elected = models.JSONField(default=list)
    excluded = models.JSONField(default=list)
    ties = models.JSONField(default=list)

    class Meta:
        ordering = ["contest", "number"]
        constraints = [
            models.UniqueConstraint(fields=["contest", "number"], name="one_stage_number")
        ]

    def __str__(self) -> str:
        return f"{self.contest}: {self.number}"


class ElectionEvent(models.Model):
    """The audit log: every change of state or timetable, who made it and when."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(max_length=40)
    from_state = models.CharField(max_length=20, blank=True)
    to_state = models.CharField(max_length=20, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["election", "at", "pk"]
        verbose_name = _("election event")
        verbose_name_plural = _("election events")

    def __str__(self) -> str:
        return f"{self.election}: {self.action}"
