"""Applications to join the network, with the applicant's self-assessment against the principles.

An applicant needs no account: the application's unguessable token, sent to them by email, is the
key to it. Writes go through `coopnet.members.joining.services`.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopnet.core.actors import history_user

from .registry import LocalAuthority, Membership, MembershipCategory, Organisation, OrganisationKind


class ApplicantType(models.TextChoices):
    """Who is applying: each is one journey through the form."""

    COUNCIL = "council", _("A council or combined authority")
    LOCAL_COUNCIL = "local_council", _("A town, parish or community council")
    POLITICAL_GROUP = "political_group", _("A political group on a council")
    AFFILIATE = "affiliate", _("An organisation that shares the network's values")
    SUPPORTER_ORGANISATION = "supporter_organisation", _("An organisation that wants to support us")
    INDIVIDUAL = "individual", _("An individual supporter")


# The organisation kind each journey records (a council's depends on its local authority).
APPLICANT_KINDS: dict[str, str | None] = {
    ApplicantType.COUNCIL: OrganisationKind.PRINCIPAL_COUNCIL,
    ApplicantType.LOCAL_COUNCIL: OrganisationKind.LOCAL_COUNCIL,
    ApplicantType.POLITICAL_GROUP: OrganisationKind.POLITICAL_GROUP,
    ApplicantType.AFFILIATE: OrganisationKind.AFFILIATE_ORGANISATION,
    ApplicantType.SUPPORTER_ORGANISATION: OrganisationKind.SUPPORTER_ORGANISATION,
    ApplicantType.INDIVIDUAL: None,
}


class Rating(models.IntegerChoices):
    NOT_STARTED = 1, _("Not started yet")
    PLANNING = 2, _("Planning")
    DEVELOPING = 3, _("Developing")
    EMBEDDED = 4, _("Embedded in how we work")


def _token() -> str:
    return secrets.token_urlsafe(32)


class Application(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("In progress")
        SUBMITTED = "submitted", _("Submitted")
        MORE_INFORMATION = "more_information", _("More information asked for")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    applicant_type = models.CharField(_("applying as"), max_length=32, choices=ApplicantType)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    category = models.ForeignKey(
        MembershipCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("membership category"),
    )

    # Who you are
    applicant_name = models.CharField(_("your full name"), max_length=200)
    applicant_email = models.EmailField(_("your email address"))
    applicant_job_title = models.CharField(_("your job title or role"), max_length=200, blank=True)
    applicant_phone = models.CharField(_("your telephone"), max_length=40, blank=True)

    # The organisation
    local_authority = models.ForeignKey(
        LocalAuthority,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("council"),
    )
    area_authority = models.ForeignKey(
        LocalAuthority,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("council area"),
    )
    organisation_name = models.CharField(_("organisation name"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)
    address = models.TextField(_("postal address"), blank=True)
    registered_id = models.CharField(_("registered identifier"), max_length=60, blank=True)
    description = models.TextField(_("about the organisation"), blank=True)
    organisation_key = models.CharField(
        max_length=240,
        blank=True,
        editable=False,
        help_text=_("Identifies the organisation, so it cannot have two open applications."),
    )

    # Contacts
    invoice_name = models.CharField(_("invoice contact's name"), max_length=200, blank=True)
    invoice_email = models.EmailField(_("invoice contact's email"), blank=True)
    invoice_phone = models.CharField(_("invoice contact's telephone"), max_length=40, blank=True)
    purchase_order = models.CharField(_("purchase order reference"), max_length=60, blank=True)
    voting_name = models.CharField(_("voting contact's name"), max_length=200, blank=True)
    voting_email = models.EmailField(_("voting contact's email"), blank=True)
    voting_job_title = models.CharField(_("voting contact's role"), max_length=200, blank=True)

    # Decision
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decision_reason = models.TextField(_("reason"), blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("organisation"),
    )
    membership = models.OneToOneField(
        Membership,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="application",
        verbose_name=_("membership"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(get_user=history_user, excluded_fields=["token"])

    class Meta:
        verbose_name = _("application to join")
        verbose_name_plural = _("applications to join")
        ordering = ["-submitted_at", "-created_at"]
        indexes = [models.Index(fields=["status", "submitted_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation_key"],
                condition=Q(status__in=["submitted", "more_information"]),
                name="one_open_application_per_organisation",
                violation_error_message=_("This organisation already has an open application."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.get_status_display()})"

    @property
    def display_name(self) -> str:
        if self.applicant_type == ApplicantType.INDIVIDUAL:
            return self.applicant_name
        if self.applicant_type == ApplicantType.COUNCIL and self.local_authority_id:
            assert self.local_authority is not None
            return self.local_authority.official_name
        return self.organisation_name or self.applicant_name

    @property
    def is_individual(self) -> bool:
        return self.applicant_type == ApplicantType.INDIVIDUAL

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def organisation_kind(self) -> str | None:
        """The kind the organisation will be recorded as (None for an individual)."""
        la = self.local_authority
        if self.applicant_type == ApplicantType.COUNCIL and la and la.is_combined_authority:
            return OrganisationKind.COMBINED_AUTHORITY
        return APPLICANT_KINDS[self.applicant_type]


OPEN_STATUSES = (Application.Status.SUBMITTED, Application.Status.MORE_INFORMATION)


class ApplicationAssessment(models.Model):
    """The applicant's rating of itself against one network principle, with a short statement."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="assessments"
    )
    principle = models.ForeignKey(
        "core.Principle", on_delete=models.PROTECT, related_name="+", verbose_name=_("principle")
    )
    rating = models.PositiveSmallIntegerField(_("rating"), choices=Rating.choices)
    statement = models.TextField(_("statement"), max_length=1000)
    # The version of the self-assessment framework (learning's) the rating was given against;
    # empty when none was registered and the four-point scale above applied.
    framework_version = models.PositiveSmallIntegerField(
        _("framework version"), null=True, blank=True
    )

    history = HistoricalRecords(get_user=history_user)

    class Meta:
        verbose_name = _("self-assessment answer")
        verbose_name_plural = _("self-assessment answers")
        ordering = ["principle__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "principle"], name="one_assessment_per_principle"
            )
        ]

    def __str__(self) -> str:
        return f"{self.application_id}: {self.principle_id} = {self.rating}"


class ApplicationMessage(models.Model):
    """A question from staff, or the applicant's answer, kept with the application."""

    class Author(models.TextChoices):
        STAFF = "staff", _("The network")
        APPLICANT = "applicant", _("Applicant")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="messages")
    author = models.CharField(_("from"), max_length=12, choices=Author.choices)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    text = models.TextField(_("message"), max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("application message")
        verbose_name_plural = _("application messages")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_author_display()}: {self.text[:40]}"
