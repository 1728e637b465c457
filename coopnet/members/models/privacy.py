"""A subject-access export: everything the network holds about one person, built in the
background and downloaded once by staff (the file is deleted as it is handed over)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .registry import Person


class SubjectAccessExport(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        BUILDING = "building", _("Being built")
        READY = "ready", _("Ready to download")
        DOWNLOADED = "downloaded", _("Downloaded")
        EXPIRED = "expired", _("Deleted unread")
        FAILED = "failed", _("Failed")

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="access_exports", verbose_name=_("person")
    )
    reason = models.CharField(_("request"), max_length=300)
    state = models.CharField(_("state"), max_length=16, choices=State, default=State.QUEUED)
    done = models.PositiveIntegerField(_("kinds of record read"), default=0)
    total = models.PositiveIntegerField(_("kinds of record"), default=0)
    rows = models.PositiveIntegerField(_("records found"), default=0)
    file = models.FileField(_("file"), upload_to="privacy/exports/", blank=True)
    error = models.TextField(_("what went wrong"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    downloaded_at = models.DateTimeField(null=True, blank=True)
    downloaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("subject-access export")
        verbose_name_plural = _("subject-access exports")

    def __str__(self) -> str:
        return _("Subject-access export %(number)s") % {"number": self.pk}

    def get_absolute_url(self) -> str:
        return reverse("members:access_export", kwargs={"pk": self.pk})

    @property
    def percent(self) -> int:
        if self.state in (self.State.READY, self.State.DOWNLOADED):
            return 100
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def is_finished(self) -> bool:
        return self.state not in (self.State.QUEUED, self.State.BUILDING)
