"""Funded projects: the grant, its payments, milestones, reports, outputs and follow-up."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopnet.core.actors import history_user
from coopnet.core.versioning import VersionedQuerySet

from .bids import Bid
from .rounds import Round, Scheme


class Project(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        REPORTING_DUE = "reporting_due", _("Reporting due")
        PARTIALLY_COMPLETED = "partially_completed", _("Partially completed")
        COMPLETED = "completed", _("Completed")
        REPORT_LAUNCHED = "report_launched", _("Report launched")
        CLOSED = "closed", _("Closed")

    FINISHED = (Status.COMPLETED, Status.REPORT_LAUNCHED, Status.CLOSED)

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    bid = models.OneToOneField(
        Bid, on_delete=models.PROTECT, null=True, blank=True, related_name="project"
    )
    round = models.ForeignKey(
        Round, on_delete=models.PROTECT, null=True, blank=True, related_name="projects"
    )
    scheme = models.ForeignKey(Scheme, on_delete=models.PROTECT, related_name="projects")
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    lead = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects_led",
        verbose_name=_("lead"),
        help_text=_("Empty when the network leads it, or when the lead was not recorded."),
    )
    led_by_network = models.BooleanField(_("led by the network itself"), default=False)
    partners = models.ManyToManyField(
        "members.Organisation", blank=True, related_name="project_partnerships"
    )
    participants = models.ManyToManyField(
        "members.Organisation",
        blank=True,
        related_name="projects_taken_part",
        verbose_name=_("councils that took part"),
    )
    principles = models.ManyToManyField("core.Principle", blank=True, related_name="projects")
    outputs = models.ManyToManyField(
        "knowledge.Publication", blank=True, related_name="projects", verbose_name=_("outputs")
    )
    amount = models.DecimalField(
        _("amount awarded"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Empty when not known."),
    )
    awarded_on = models.DateField(_("awarded on"), null=True, blank=True)
    starts_on = models.DateField(_("planned start"), null=True, blank=True)
    ends_on = models.DateField(_("planned end"), null=True, blank=True)
    agreement_signed_on = models.DateField(_("grant agreement signed on"), null=True, blank=True)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    report_launched_on = models.DateField(_("report launched"), null=True, blank=True)
    report_launched_month_only = models.BooleanField(
        _("only the month of the launch is known"), default=False
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=30, choices=Status, default=Status.ACTIVE)
    is_published = models.BooleanField(_("shown on the public pages"), default=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    history = HistoricalRecords(get_user=history_user)
    objects = VersionedQuerySet.as_manager()  # bulk writes move the public pages on

    class Meta:
        ordering = ["-round__year", "scheme__order", "title"]
        verbose_name = _("funded project")
        verbose_name_plural = _("funded projects")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("funding:project", kwargs={"slug": self.slug})

    @property
    def year(self) -> int | None:
        return self.round.year if self.round_id and self.round else None

    def active_years(self, today: date) -> tuple[date | None, date | None]:
        """When the project was under way: (first day, last day); None when not known."""
        start = self.awarded_on or self.starts_on
        end = self.closed_on or self.report_launched_on or self.completed_on or self.ends_on
        if start is None and self.status not in self.FINISHED:
            end = end or today
        return start, end


class PaymentInstalment(models.Model):
    class Trigger(models.TextChoices):
        ON_SIGNATURE = "on_signature", _("On signature of the grant agreement")
        ON_FINAL_REPORT = "on_final_report", _("On acceptance of the final report")
        ON_MILESTONE = "on_milestone", _("On a milestone")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="payments")
    trigger = models.CharField(_("paid"), max_length=20, choices=Trigger)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    due_on = models.DateField(_("due"), null=True, blank=True)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["project", "order", "pk"]
        verbose_name = _("payment instalment")
        verbose_name_plural = _("payment instalments")

    def __str__(self) -> str:
        return f"{self.project}: {self.amount}"


class ProjectMilestone(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=200)
    due_on = models.DateField(_("due"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        ordering = ["project", "due_on", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title


class ProgressReport(models.Model):
    class Kind(models.TextChoices):
        PROGRESS = "progress", _("Progress report")
        FINAL = "final", _("Final report")

    class Status(models.TextChoices):
        DUE = "due", _("Due")
        SUBMITTED = "submitted", _("Submitted")
        CHANGES_REQUESTED = "changes_requested", _("Changes asked for")
        ACCEPTED = "accepted", _("Accepted")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="reports")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.PROGRESS)
    due_on = models.DateField(_("due"))
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DUE)
    progress = models.TextField(_("progress so far"), blank=True)
    spend_to_date = models.DecimalField(
        _("spent so far"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    staff_comment = models.TextField(_("staff comments"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reminded_on = models.DateField(_("last reminder"), null=True, blank=True)
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["project", "due_on", "pk"]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")

    def __str__(self) -> str:
        return f"{self.project}: {self.get_kind_display()} ({self.due_on})"

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.DUE, self.Status.CHANGES_REQUESTED)


class FollowUpReview(models.Model):
    """'What changed since': a look back at a finished project, per participating council."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="follow_ups")
    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.PROTECT, related_name="funding_follow_ups"
    )
    reviewed_on = models.DateField(_("reviewed on"))
    what_changed = models.TextField(_("what has changed since"))
    still_used = models.BooleanField(
        _("the council still uses what the project produced"), default=False
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["project", "organisation__name"]
        verbose_name = _("follow-up review")
        verbose_name_plural = _("follow-up reviews")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation"], name="one_follow_up_per_council"
            )
        ]

    def __str__(self) -> str:
        return f"{self.project}: {self.organisation}"


def payment_total(project: Project) -> Decimal:
    return sum((p.amount for p in project.payments.all()), Decimal(0))
