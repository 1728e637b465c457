from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """One thing done: by whom, what, when and why."""

    at = models.DateTimeField(_("when"), db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    system_job = models.CharField(_("system job"), max_length=80, blank=True)
    action = models.CharField(_("action"), max_length=80, db_index=True)
    summary = models.CharField(_("what"), max_length=300)
    reason = models.TextField(_("why"), blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label}: {self.summary}"

    @property
    def actor_label(self) -> str:
        if self.system_job:
            return str(_("System (%(job)s)") % {"job": self.system_job})
        if self.user_id is None:
            return str(_("Unknown"))
        return str(self.user)


class AuditSubject(models.Model):
    """A record an audit entry concerns; the first is the record written."""

    entry = models.ForeignKey(AuditEntry, on_delete=models.CASCADE, related_name="subjects")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    label = models.CharField(max_length=300)
    is_target = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["content_type", "object_id", "entry"])]

    def __str__(self) -> str:
        return self.label
