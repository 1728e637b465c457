"""A member council's self-assessment against one version of the framework."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopnet.core.actors import history_user

from .framework import ChecklistItem, Criterion, Framework


class SelfAssessment(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.CASCADE, related_name="self_assessments"
    )
    framework = models.ForeignKey(Framework, on_delete=models.PROTECT, related_name="assessments")
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT)
    summary = models.TextField(_("summary"), blank=True)
    started_on = models.DateField(_("started on"))
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    case_studies = models.ManyToManyField(
        "knowledge.CaseStudy", blank=True, related_name="+", verbose_name=_("case studies")
    )
    projects = models.ManyToManyField(
        "funding.Project", blank=True, related_name="+", verbose_name=_("funded projects")
    )
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["-started_on", "-pk"]
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")

    def __str__(self) -> str:
        return f"{self.organisation} — {self.started_on:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("learning:assessment", args=[self.pk])

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class Contributor(models.Model):
    """A colleague invited to contribute to a draft self-assessment."""

    assessment = models.ForeignKey(
        SelfAssessment, on_delete=models.CASCADE, related_name="contributors"
    )
    person = models.ForeignKey(
        "members.Person", on_delete=models.CASCADE, related_name="assessment_invitations"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    invited_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("contributor")
        verbose_name_plural = _("contributors")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "person"], name="one_invitation_each")
        ]

    def __str__(self) -> str:
        return str(self.person)


class Rating(models.Model):
    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="ratings")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="ratings")
    score = models.PositiveSmallIntegerField(_("rating"))
    evidence = models.TextField(_("evidence"), blank=True)
    rated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["assessment", "criterion__principle__order", "criterion__order"]
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "criterion"], name="one_rating_each")
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"


class ActionAnswer(models.Model):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        PLANNED = "planned", _("Planned")
        IN_PLACE = "in_place", _("In place")

    assessment = models.ForeignKey(
        SelfAssessment, on_delete=models.CASCADE, related_name="action_answers"
    )
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="answers")
    status = models.CharField(
        _("status"), max_length=20, choices=Status, default=Status.NOT_STARTED
    )
    evidence = models.TextField(_("evidence"), blank=True)
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["assessment", "item__group", "item__order"]
        verbose_name = _("action taken")
        verbose_name_plural = _("actions taken")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "item"], name="one_answer_per_action")
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.get_status_display()}"


def _evidence_path(instance: EvidenceFile, filename: str) -> str:
    """A name nobody can guess, with the extension of the type found in the content; the file is
    only ever served by the download view, which applies the assessment's permission."""
    import uuid

    return f"private/learning/evidence/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1]}"


class EvidenceFile(models.Model):
    """A document attached to a self-assessment as evidence (PDF, PNG, JPEG or DOCX)."""

    assessment = models.ForeignKey(
        SelfAssessment, on_delete=models.CASCADE, related_name="evidence_files"
    )
    title = models.CharField(_("what the file shows"), max_length=200)
    file = models.FileField(_("file"), upload_to=_evidence_path)
    kind = models.CharField(_("type"), max_length=10)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["assessment", "uploaded_at", "pk"]
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("learning:evidence_file", args=[self.assessment_id, self.pk])
