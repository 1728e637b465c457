"""A Case Studies Pack: a printable PDF of chosen case studies, built in the background."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class CaseStudiesPack(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        BUILDING = "building", _("Being built")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    case_studies = models.ManyToManyField(
        "knowledge.CaseStudy", related_name="packs", verbose_name=_("case studies")
    )
    state = models.CharField(_("state"), max_length=16, choices=State, default=State.QUEUED)
    done = models.PositiveIntegerField(_("pages built"), default=0)
    total = models.PositiveIntegerField(_("case studies"), default=0)
    file = models.FileField(_("PDF"), upload_to="packs/", blank=True)
    error = models.TextField(_("what went wrong"), blank=True)
    publication = models.OneToOneField(
        "knowledge.Publication",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pack",
        verbose_name=_("publication"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("case studies pack")
        verbose_name_plural = _("case studies packs")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:pack", kwargs={"pk": self.pk})

    @property
    def percent(self) -> int:
        if self.state == self.State.READY:
            return 100
        return int(100 * self.done / self.total) if self.total else 0

    @property
    def is_finished(self) -> bool:
        return self.state in (self.State.READY, self.State.FAILED)
