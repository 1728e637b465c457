"""Network-wide records: the principles, and figures the network has published."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopnet.core.actors import history_user


class Principle(models.Model):
    """A principle the network or the ICA holds; CCIN principles carry an icon."""

    class Family(models.TextChoices):
        NETWORK = "network", _("Network principle")
        ICA = "ica", _("ICA co-operative principle")

    family = models.CharField(_("family"), max_length=16, choices=Family.choices)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    summary = models.TextField(_("summary"), blank=True)
    icon = models.CharField(_("icon"), max_length=80, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    history = HistoricalRecords(get_user=history_user)

    class Meta:
        verbose_name = _("principle")
        verbose_name_plural = _("principles")
        ordering = ["family", "order"]

    def __str__(self) -> str:
        return self.name


class ReportedFigure(models.Model):
    """A figure the network published, kept with its source where the registry cannot compute it.

    Example: "22 Associate members as at 31 July 2022" when the published list names only some.
    """

    key = models.SlugField(_("measure"), max_length=80)
    as_of = models.DateField(_("as at"))
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=2)
    qualifier = models.CharField(
        _("qualifier"), max_length=40, blank=True, help_text=_("e.g. 'over' for 'over 400'")
    )
    source = models.CharField(_("source"), max_length=300)
    note = models.CharField(_("note"), max_length=300, blank=True)

    history = HistoricalRecords(get_user=history_user)

    class Meta:
        verbose_name = _("reported figure")
        verbose_name_plural = _("reported figures")
        ordering = ["key", "-as_of"]
        constraints = [
            # Two documents may give different figures for the same date (46 and 47 Full members
            # for July 2024): both are kept, each with its source.
            models.UniqueConstraint(
                fields=["key", "as_of", "source"], name="one_reported_figure_per_date_and_source"
            )
        ]

    def __str__(self) -> str:
        return f"{self.key} @ {self.as_of}: {self.value}"


class RecordCoverage(models.Model):
    """From which date the records of one measure are complete (`coopnet.core.figures`).

    The key is a reported figure's key ("members-associate", "council-budgets"). Before
    `complete_from`, or with no date at all, a figure computed from the records is not shown as
    the whole: the published figure is shown instead, with its source.
    """

    key = models.SlugField(_("measure"), max_length=80, unique=True)
    complete_from = models.DateField(
        _("records complete from"),
        null=True,
        blank=True,
        help_text=_("Leave empty while the records of this measure are not complete."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    history = HistoricalRecords(get_user=history_user)

    class Meta:
        verbose_name = _("record coverage")
        verbose_name_plural = _("record coverage")
        ordering = ["key"]

    def __str__(self) -> str:
        return f"{self.key} from {self.complete_from or '-'}"


from coopnet.core.search.models import SearchEntry, SearchFacet  # noqa: E402, F401


class PublicChange(models.Model):
    """A write to something public pages show; the newest id is the public content version
    (`coopnet.core.versioning`). Old rows are pruned as new ones come."""

    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("public change")

    def __str__(self) -> str:
        return f"{self.pk} at {self.at}"


from .audit.models import AuditEntry, AuditSubject  # noqa: E402  (models of the core app)
from .health.models import WorkerHeartbeat  # noqa: E402

__all__ = [
    "AuditEntry",
    "AuditSubject",
    "Principle",
    "PublicChange",
    "RecordCoverage",
    "ReportedFigure",
    "WorkerHeartbeat",
]


class FormSubmission(models.Model):
    """A form that moves money, seen once (`coopnet.core.submissions`): its key is written in the
    same transaction as what the form records, so a second press of the button, a reload or a
    replay is recognised and nothing is recorded twice."""

    key = models.CharField(_("key"), max_length=64, unique=True)
    action = models.CharField(_("action"), max_length=80)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")

    def __str__(self) -> str:
        return f"{self.action} {self.key}"
