"""Meetings of bodies, their agendas, papers, attendance, minutes, decisions and actions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopnet.core.actors import history_user

from .bodies import Body


class Meeting(models.Model):
    """A meeting of one body, or a joint meeting of several (EOC + V&P)."""

    class Kind(models.TextChoices):
        ORDINARY = "ordinary", _("Ordinary meeting")
        JOINT = "joint", _("Joint meeting")
        AGM = "agm", _("Annual general meeting")

    bodies = models.ManyToManyField(Body, related_name="meetings")
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.ORDINARY)
    starts_at = models.DateTimeField(_("starts at"))
    online = models.BooleanField(_("online"), default=False)
    location = models.CharField(_("location"), max_length=200, blank=True)
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("governance:meeting", kwargs={"pk": self.pk})


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    number = models.PositiveSmallIntegerField(_("item number"))
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    minute = models.TextField(_("minute"), blank=True, help_text=_("What the meeting discussed."))
    approves_minutes_of = models.OneToOneField(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approved_by_item",
        verbose_name=_("approves the minutes of"),
    )
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["meeting", "number"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="one_item_number_a_meeting")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Paper(models.Model):
    """A document for an agenda item (PDF only)."""

    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="governance/papers/%Y/")
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_("Confidential papers are never published, even with the minutes."),
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["agenda_item", "pk"]
        verbose_name = _("paper")
        verbose_name_plural = _("papers")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("governance:paper", kwargs={"pk": self.pk})


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", _("Present")
        APOLOGIES = "apologies", _("Apologies")
        ABSENT = "absent", _("Absent")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(
        "members.Person", on_delete=models.PROTECT, related_name="meeting_attendances"
    )
    status = models.CharField(_("attendance"), max_length=12, choices=Status)
    in_attendance = models.BooleanField(
        _("in attendance (not a member)"),
        default=False,
        help_text=_("Officers and guests attend without counting towards the quorum."),
    )
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["meeting", "person__full_name"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="one_attendance_a_person")
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_status_display()}"


class Minutes(models.Model):
    """The minutes of a meeting: drafted, circulated to attendees, approved at a later meeting,
    then published. The text of each item is the agenda item's `minute`."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CIRCULATED = "circulated", _("Circulated for comment")
        APPROVED = "approved", _("Approved")
        PUBLISHED = "published", _("Published")

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.DRAFT)
    summary = models.TextField(_("opening notes"), blank=True)
    circulated_at = models.DateTimeField(_("circulated"), null=True, blank=True)
    approved_at_item = models.OneToOneField(
        AgendaItem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approved_minutes",
        verbose_name=_("approved at"),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self) -> str:
        return str(self.meeting)

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class MinutesComment(models.Model):
    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="comments")
    person = models.ForeignKey("members.Person", on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["minutes", "created_at", "pk"]
        verbose_name = _("comment on minutes")
        verbose_name_plural = _("comments on minutes")

    def __str__(self) -> str:
        return f"{self.person}: {self.text[:40]}"


class Decision(models.Model):
    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("decision"))
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["agenda_item", "pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return self.text[:60]


class Action(models.Model):
    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="actions")
    text = models.TextField(_("action"))
    owner = models.ForeignKey(
        "members.Person",
        on_delete=models.PROTECT,
        related_name="governance_actions",
        verbose_name=_("owner"),
    )
    due = models.DateField(_("due"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["due", "pk"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self) -> str:
        return self.text[:60]
