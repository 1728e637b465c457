"""Publications (reports, toolkits, packs, newsletters ...) and news and blog posts."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopnet.core.actors import history_user
from coopnet.core.versioning import VersionedQuerySet

from ..validators import validate_image, validate_pdf


class Publication(models.Model):
    class Kind(models.TextChoices):
        POLICY_LAB_REPORT = "policy_lab_report", _("Policy Lab report")
        TOOLKIT = "toolkit", _("Toolkit")
        CASE_STUDIES_PACK = "case_studies_pack", _("Case studies pack")
        NEWSLETTER = "newsletter", _("Newsletter")
        PAMPHLET = "pamphlet", _("Pamphlet")
        STRATEGY = "strategy", _("Strategy")
        CONSTITUTION = "constitution", _("Constitution")
        BRAND_GUIDELINE = "brand_guideline", _("Brand guideline")
        TEMPLATE_MOTION = "template_motion", _("Template motion")
        GUIDANCE = "guidance", _("Guidance")

    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind)
    published_on = models.DateField(_("date"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    file = models.FileField(
        _("file (PDF)"), upload_to="publications/%Y/", blank=True, validators=[validate_pdf]
    )
    external_url = models.URLField(
        _("where to read it elsewhere"),
        max_length=500,
        blank=True,
        help_text=_("For a publication whose file is kept on another website."),
    )
    cover = models.ImageField(
        _("cover image"), upload_to="publications/covers/", blank=True, validators=[validate_image]
    )
    cover_alt = models.CharField(
        _("cover alt text"),
        max_length=300,
        blank=True,
        help_text=_("Required with a cover image: describe it for someone who cannot see it."),
    )
    organisations = models.ManyToManyField(
        "members.Organisation",
        blank=True,
        related_name="publications",
        verbose_name=_("participating organisations"),
    )
    principles = models.ManyToManyField(
        "core.Principle", blank=True, related_name="publications", verbose_name=_("principles")
    )
    themes = models.ManyToManyField(
        "knowledge.Theme", blank=True, related_name="publications", verbose_name=_("themes")
    )
    is_public = models.BooleanField(_("shown on the website"), default=True)
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)
    history = HistoricalRecords(get_user=history_user, excluded_fields=["download_count"])

    class Meta:
        ordering = ["-published_on", "title"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:publication", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if self.cover and not self.cover_alt.strip():
            raise ValidationError(
                {"cover_alt": _("Describe the cover image for someone who cannot see it.")}
            )


class Tag(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=80)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name


class NewsPost(models.Model):
    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        BLOG = "blog", _("Blog post")

    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind, default=Kind.NEWS)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), max_length=600)
    body_html = models.TextField(_("text"), blank=True)
    body_text = models.TextField(_("text as plain text"), blank=True, editable=False)
    authors = models.ManyToManyField(
        "members.Person", blank=True, related_name="news_posts", verbose_name=_("authors")
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="posts", verbose_name=_("tags"))
    published_at = models.DateTimeField(
        _("published"),
        null=True,
        blank=True,
        help_text=_("Empty for a draft; a future time publishes it then."),
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(get_user=history_user)
    objects = VersionedQuerySet.as_manager()  # bulk writes move the public pages on

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("news or blog post")
        verbose_name_plural = _("news and blog posts")
        indexes = [models.Index(fields=["-published_at", "-id"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("knowledge:news_post", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.published_at is not None and self.published_at <= timezone.now()

    @property
    def byline(self) -> list[str]:
        """The authors' names a reader may see: those who chose to be named (the one
        public-name rule, `Person.public_name`); an author who did not is left out of the byline,
        the feed, the API and the search index. Uses the prefetched authors."""
        return [name for a in self.authors.all() if (name := a.public_name)]
