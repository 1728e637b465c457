"""Peer reviews by the Co-operative Peer Review Commission: reviewers, findings, the report and
the recommendations that become actions."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopnet.core.actors import history_user

from .assessments import SelfAssessment


class ConflictDeclaration(models.Model):
    """A person has said they have an interest in an organisation, so may not review it."""

    person = models.ForeignKey(
        "members.Person", on_delete=models.CASCADE, related_name="review_conflicts"
    )
    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.CASCADE, related_name="review_conflicts"
    )
    reason = models.TextField(_("the interest"))
    declared_on = models.DateField(_("declared on"))

    class Meta:
        verbose_name = _("declared conflict of interest")
        verbose_name_plural = _("declared conflicts of interest")
        constraints = [
            models.UniqueConstraint(fields=["person", "organisation"], name="one_conflict_each")
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.organisation}"


class PeerReview(models.Model):
    class Status(models.TextChoices):
        SET_UP = "set_up", _("Set up")
        AGREED = "agreed", _("Report agreed")
        PUBLISHED = "published", _("Report published")
        PRIVATE = "private", _("Report kept private")

    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.CASCADE, related_name="peer_reviews"
    )
    assessment = models.ForeignKey(
        SelfAssessment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="peer_reviews",
        verbose_name=_("shared self-assessment"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.SET_UP)
    set_up_on = models.DateField(_("set up on"))
    set_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    summary = models.TextField(_("summary of the report"), blank=True)
    agreed_on = models.DateField(_("agreed on"), null=True, blank=True)
    decided_on = models.DateField(_("published or kept private on"), null=True, blank=True)
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["-set_up_on", "-pk"]
        verbose_name = _("peer review")
        verbose_name_plural = _("peer reviews")

    def __str__(self) -> str:
        return f"{self.organisation} — {self.set_up_on:%Y}"

    def get_absolute_url(self) -> str:
        return reverse("learning:review", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.SET_UP


class Reviewer(models.Model):
    review = models.ForeignKey(PeerReview, on_delete=models.CASCADE, related_name="reviewers")
    person = models.ForeignKey(
        "members.Person", on_delete=models.PROTECT, related_name="peer_reviews_done"
    )
    organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("reviewer's council"),
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    assigned_on = models.DateField(_("assigned on"))

    class Meta:
        ordering = ["review", "person__full_name"]
        verbose_name = _("reviewer")
        verbose_name_plural = _("reviewers")
        constraints = [
            models.UniqueConstraint(fields=["review", "person"], name="one_place_per_reviewer")
        ]

    def __str__(self) -> str:
        return str(self.person)


class Finding(models.Model):
    review = models.ForeignKey(PeerReview, on_delete=models.CASCADE, related_name="findings")
    principle = models.ForeignKey("core.Principle", on_delete=models.PROTECT, related_name="+")
    findings = models.TextField(_("findings"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["review", "principle__order"]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        constraints = [
            models.UniqueConstraint(
                fields=["review", "principle"], name="one_finding_per_principle"
            )
        ]

    def __str__(self) -> str:
        return f"{self.review}: {self.principle}"


class Recommendation(models.Model):
    """A reviewers' recommendation, and the action the council takes on it until it is done."""

    review = models.ForeignKey(PeerReview, on_delete=models.CASCADE, related_name="recommendations")
    principle = models.ForeignKey("core.Principle", on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("recommendation"))
    due_on = models.DateField(_("due on"))
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    completion_note = models.TextField(_("what was done"), blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["review", "principle__order", "due_on", "pk"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return self.text[:80]

    def is_overdue(self, today: date) -> bool:
        return self.completed_on is None and self.due_on < today
