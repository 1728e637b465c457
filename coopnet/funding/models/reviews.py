"""Reviewers' assignments, conflicts and scores, and the joint meeting's decisions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopnet.core.actors import history_user

from .bids import Bid
from .rounds import ReviewCriterion


class ReviewAssignment(models.Model):
    class Status(models.TextChoices):
        ASSIGNED = "assigned", _("Assigned")
        CONFLICT = "conflict", _("Conflict declared")
        EXCLUDED = "excluded", _("Excluded: from the lead or a partner organisation")
        SCORED = "scored", _("Scored")

    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(
        "members.Person", on_delete=models.PROTECT, related_name="funding_reviews"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.ASSIGNED)
    conflict_note = models.TextField(_("conflict of interest"), blank=True)
    comment = models.TextField(_("comments"), blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)
    scored_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["bid", "reviewer__full_name"]
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        constraints = [
            models.UniqueConstraint(fields=["bid", "reviewer"], name="one_review_per_reviewer")
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} — {self.bid}"

    @property
    def counts(self) -> bool:
        return self.status == self.Status.SCORED


class ReviewScore(models.Model):
    assignment = models.ForeignKey(
        ReviewAssignment, on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(ReviewCriterion, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["assignment", "criterion__order"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "criterion"], name="one_score_per_criterion"
            )
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"


class Decision(models.Model):
    """What the joint EOC + V&P meeting decided about one bid."""

    class Outcome(models.TextChoices):
        APPROVE = "approve", _("Approve")
        APPROVE_WITH_CONDITIONS = "approve_with_conditions", _("Approve with conditions")
        DECLINE = "decline", _("Decline")
        DEFER = "defer", _("Defer to the next round")

    APPROVALS = (Outcome.APPROVE, Outcome.APPROVE_WITH_CONDITIONS)

    bid = models.OneToOneField(Bid, on_delete=models.PROTECT, related_name="decision")
    meeting = models.ForeignKey(
        "governance.Meeting", on_delete=models.PROTECT, related_name="funding_decisions"
    )
    agenda_item = models.ForeignKey(
        "governance.AgendaItem",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="funding_decisions",
        verbose_name=_("agenda item"),
    )
    outcome = models.CharField(_("decision"), max_length=30, choices=Outcome)
    amount = models.DecimalField(
        _("amount awarded"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    conditions = models.TextField(_("conditions"), blank=True)
    feedback = models.TextField(_("feedback to the applicant"), blank=True)
    budget_change = models.DecimalField(
        _("increase to the pot agreed by the meeting"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
    )
    budget_change_reason = models.TextField(_("reason for the budget change"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["-recorded_at"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return f"{self.bid}: {self.get_outcome_display()}"

    @property
    def is_approval(self) -> bool:
        return self.outcome in self.APPROVALS
