"""Call-offs: a buyer's competition among the suppliers admitted in a category."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopnet.core.actors import history_user

from .applications import Admission, SupplierApplication
from .arrangements import Arrangement, Category

RETENTION_YEARS = 3


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class CallOff(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ISSUED = "issued", _("Open for tenders")
        OPENED = "opened", _("Tenders opened")
        AWARDED = "awarded", _("Awarded")

    arrangement = models.ForeignKey(Arrangement, on_delete=models.PROTECT, related_name="call_offs")
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="call_offs")
    buyer = models.ForeignKey(
        "members.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="call_offs",
        verbose_name=_("buyer"),
    )
    bought_by_network = models.BooleanField(_("bought by the network itself"), default=False)
    title = models.CharField(_("title"), max_length=200)
    requirement = models.TextField(_("requirement"))
    budget = models.DecimalField(_("budget"), max_digits=12, decimal_places=2)
    tender_deadline = models.DateTimeField(_("tender deadline"))
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    opened_at = models.DateTimeField(_("tenders opened at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("call-off")
        verbose_name_plural = _("call-offs")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(buyer__isnull=False) | models.Q(bought_by_network=True),
                name="procurement_call_off_has_a_buyer",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("procurement:calloff", kwargs={"pk": self.pk})

    def deadline_passed(self, at=None) -> bool:
        return (at or timezone.now()) >= self.tender_deadline

    @property
    def buyer_name(self) -> str:
        return str(self.buyer) if self.buyer else settings.NETWORK_NAME


class AwardCriterion(models.Model):
    call_off = models.ForeignKey(CallOff, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=200)
    weight = models.PositiveSmallIntegerField(_("weight (%)"))
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["call_off", "order", "pk"]
        verbose_name = _("award criterion")
        verbose_name_plural = _("award criteria")

    def __str__(self) -> str:
        return f"{self.name} ({self.weight}%)"


class Invitation(models.Model):
    """A supplier admitted in the category on the day the call-off was issued."""

    call_off = models.ForeignKey(CallOff, on_delete=models.CASCADE, related_name="invitations")
    supplier = models.ForeignKey(
        "members.Organisation", on_delete=models.PROTECT, related_name="call_off_invitations"
    )
    admission = models.ForeignKey(Admission, on_delete=models.PROTECT, related_name="+")
    invited_at = models.DateTimeField(_("invited at"))
    notified_at = models.DateTimeField(_("told by email at"), null=True, blank=True)

    class Meta:
        ordering = ["call_off", "supplier__name"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["call_off", "supplier"], name="procurement_invited_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.supplier} to {self.call_off}"


class Clarification(models.Model):
    """A question from an invited supplier; the answer is shown to every invited supplier
    without saying who asked."""

    call_off = models.ForeignKey(CallOff, on_delete=models.CASCADE, related_name="clarifications")
    question = models.TextField(_("question"))
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    asked_for = models.ForeignKey(
        "members.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    asked_at = models.DateTimeField(_("asked at"))
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        ordering = ["call_off", "asked_at"]
        verbose_name = _("clarification")
        verbose_name_plural = _("clarifications")

    def __str__(self) -> str:
        return self.question[:60]


class Tender(models.Model):
    """A supplier's response. Sealed: nothing shows `response` or `price` before the deadline
    has passed and the buyer has opened the tenders (see selectors.opened_tenders)."""

    call_off = models.ForeignKey(CallOff, on_delete=models.CASCADE, related_name="tenders")
    supplier = models.ForeignKey(
        "members.Organisation", on_delete=models.PROTECT, related_name="tenders"
    )
    response = models.TextField(_("response"))
    price = models.DecimalField(_("price"), max_digits=12, decimal_places=2)
    submitted_at = models.DateTimeField(_("submitted at"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["call_off", "submitted_at"]
        verbose_name = _("tender")
        verbose_name_plural = _("tenders")
        constraints = [
            models.UniqueConstraint(
                fields=["call_off", "supplier"], name="procurement_one_tender_per_supplier"
            )
        ]

    def __str__(self) -> str:
        return f"{self.supplier}: {self.call_off}"

    def total(self) -> Decimal:
        """The weighted score out of 100 (each mark is out of 10)."""
        return sum(
            (s.mark * s.criterion.weight / Decimal(10) for s in self.scores.all()), Decimal(0)
        ).quantize(Decimal("0.01"))


class Score(models.Model):
    tender = models.ForeignKey(Tender, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(AwardCriterion, on_delete=models.CASCADE, related_name="scores")
    mark = models.DecimalField(_("mark out of 10"), max_digits=4, decimal_places=1)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["tender", "criterion__order"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["tender", "criterion"], name="procurement_one_mark_per_criterion"
            )
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.mark}"


class Award(models.Model):
    call_off = models.OneToOneField(CallOff, on_delete=models.PROTECT, related_name="award")
    tender = models.OneToOneField(Tender, on_delete=models.PROTECT, related_name="award")
    reasons = models.TextField(_("reasons"))
    awarded_on = models.DateField(_("awarded on"))
    standstill_ends_on = models.DateField(_("standstill ends on"), null=True, blank=True)
    contract_date = models.DateField(_("contract date"))
    awarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    history = HistoricalRecords(get_user=history_user)

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")

    def __str__(self) -> str:
        return f"{self.call_off}: {self.tender.supplier}"

    @property
    def retain_until(self) -> date:
        """Records are kept at least three years from the contract."""
        return add_years(self.contract_date, RETENTION_YEARS)


class CommunicationLog(models.Model):
    """Every message sent to a supplier, kept with the records."""

    class Kind(models.TextChoices):
        DECISION = "decision", _("Decision on an application")
        REMOVAL = "removal", _("Removal from the arrangement")
        DECLARATIONS = "declarations", _("Request to renew declarations")
        INVITATION = "invitation", _("Invitation to tender")
        CLARIFICATION = "clarification", _("Clarification answered")
        AWARD = "award", _("Award notice")
        UNSUCCESSFUL = "unsuccessful", _("Unsuccessful tender")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    organisation = models.ForeignKey(
        "members.Organisation", on_delete=models.PROTECT, related_name="+"
    )
    call_off = models.ForeignKey(
        CallOff, on_delete=models.CASCADE, null=True, blank=True, related_name="communications"
    )
    application = models.ForeignKey(
        SupplierApplication,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="communications",
    )
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("message"))
    recipients = models.TextField(_("sent to"), blank=True)
    logged_at = models.DateTimeField(_("logged at"))
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-logged_at", "-pk"]
        verbose_name = _("communication")
        verbose_name_plural = _("communications")

    def __str__(self) -> str:
        return self.subject
