"""Case studies: what a member council did, written by its officers and published by staff."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopnet.core.actors import history_user
from coopnet.core.versioning import VersionedQuerySet

from ..validators import validate_image, validate_pdf


class CaseStudy(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        RETURNED = "returned", _("Returned with comments")
        PUBLISHED = "published", _("Published")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        COMPLETED = "completed", _("Completed")

    slug = models.SlugField(_("address"), max_length=200, unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=600)
    body_html = models.TextField(_("story"), blank=True)
    body_text = models.TextField(_("story as plain text"), blank=True, editable=False)
    lead_organisation = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        related_name="led_case_studies",
        verbose_name=_("lead member"),
    )
    participants = models.ManyToManyField(
        "members.Organisation",
        blank=True,
        related_name="case_studies",
        verbose_name=_("participating members"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.ONGOING)
    principles = models.ManyToManyField(
        "core.Principle", blank=True, related_name="case_studies", verbose_name=_("principles met")
    )
    themes = models.ManyToManyField(
        "knowledge.Theme", blank=True, related_name="case_studies", verbose_name=_("themes")
    )
    actions = models.ManyToManyField(
        "knowledge.Action",
        blank=True,
        related_name="case_studies",
        verbose_name=_("Being a Co-operative Council actions"),
    )
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True)
    contact_role = models.CharField(_("contact's job title"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_consent = models.BooleanField(
        _("the contact agrees to be named and contacted about this case study"), default=False
    )
    contact_consent_at = models.DateTimeField(_("consent recorded"), null=True, blank=True)
    contact_consent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("consent recorded by"),
    )
    state = models.CharField(_("state"), max_length=16, choices=State, default=State.DRAFT)
    moderation_comment = models.TextField(_("comments from the network"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    history = HistoricalRecords(get_user=history_user)

    # Shown on organisations' cached public pages: bulk writes move the public version on too.
    objects = VersionedQuerySet.as_manager()

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")
        ordering = ["-year", "title"]
        indexes = [
            models.Index(fields=["state", "-year", "title"]),
            models.Index(fields=["lead_organisation", "state"]),
            # the latest published first (home page, hub) without sorting every case study
            models.Index(fields=["state", "-published_at", "-id"], name="casestudy_latest"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:case_study", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.state == self.State.PUBLISHED

    @property
    def is_editable_by_members(self) -> bool:
        return self.state in (self.State.DRAFT, self.State.RETURNED)

    @property
    def shows_contact(self) -> bool:
        return bool(self.contact_consent and self.contact_name)


class CaseStudySlug(models.Model):
    """An address a case study had before its title changed; it redirects to the current one."""

    slug = models.SlugField(max_length=200, unique=True)
    case_study = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="old_slugs")

    class Meta:
        verbose_name = _("former address")
        verbose_name_plural = _("former addresses")

    def __str__(self) -> str:
        return self.slug


class CaseStudyLink(models.Model):
    case_study = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(_("link text"), max_length=200)
    url = models.URLField(_("web address"), max_length=500)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self) -> str:
        return self.title


class CaseStudyImage(models.Model):
    case_study = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(
        _("image"), upload_to="case-studies/images/%Y/", validators=[validate_image]
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=300,
        help_text=_("Describe the image for someone who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self) -> str:
        return self.alt_text


class CaseStudyAttachment(models.Model):
    case_study = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(
        _("file (PDF)"), upload_to="case-studies/files/%Y/", validators=[validate_pdf]
    )
    size = models.PositiveIntegerField(_("size in bytes"), default=0)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.title


class CaseStudyDecision(models.Model):
    """One step of a case study's review: submitted, published, returned (with comments)."""

    class Step(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted for review")
        PUBLISHED = "published", _("Published")
        RETURNED = "returned", _("Returned with comments")
        UNPUBLISHED = "unpublished", _("Unpublished")

    case_study = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="decisions")
    step = models.CharField(_("step"), max_length=16, choices=Step)
    comment = models.TextField(_("comments"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("review step")
        verbose_name_plural = _("review steps")

    def __str__(self) -> str:
        return f"{self.case_study}: {self.step}"
