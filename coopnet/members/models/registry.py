"""The membership registry: organisations, people, their roles, and memberships over time."""

from collections.abc import Iterable
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coopnet.core.actors import history_user
from coopnet.core.periods import PeriodMixin, PeriodQuerySet
from coopnet.core.personal_data import erased_name
from coopnet.core.versioning import VersionedQuerySet


class RegistryQuerySet(VersionedQuerySet):
    """Registry records are shown on remembered public pages: bulk writes move the version on."""


class PeriodRegistryQuerySet(PeriodQuerySet, VersionedQuerySet):  # type: ignore[override]
    pass


class RoleQuerySet(PeriodRegistryQuerySet):  # type: ignore[override]
    def managing(self, person: "Person | None", *, on: date) -> "RoleQuerySet":
        """The roles through which `person` manages an organisation's profile on `on`.

        The one answer to "who manages organisation X on a date": every predicate, selector and
        dashboard asks this.
        """
        if person is None:
            return self.none()
        return self.current_on(on).filter(person=person, manages_profile=True)

    def managers_of(self, organisation_ids: "Iterable[int]", *, on: date) -> "RoleQuerySet":
        """The same rule from the other side: the roles through which anyone manages these
        organisations' profiles on `on` (for writing to the people who look after them)."""
        return self.current_on(on).filter(
            organisation_id__in=list(organisation_ids), manages_profile=True
        )


RoleManager = models.Manager.from_queryset(RoleQuerySet)
PeriodRegistryManager = models.Manager.from_queryset(PeriodRegistryQuerySet)


class LocalAuthority(models.Model):
    """A row of mySociety's UK local authority table (CC-BY-4.0), loaded by a migration."""

    code = models.CharField(_("code"), max_length=8, primary_key=True)
    official_name = models.CharField(_("official name"), max_length=200)
    nice_name = models.CharField(_("short name"), max_length=200)
    gss_code = models.CharField(_("GSS code"), max_length=9, blank=True)
    la_type = models.CharField(_("type"), max_length=8)
    la_type_name = models.CharField(_("type name"), max_length=100)
    nation = models.CharField(_("nation"), max_length=40)
    region = models.CharField(_("region"), max_length=60, blank=True)
    combined_authority = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="constituents",
        verbose_name=_("combined authority"),
    )
    population = models.PositiveIntegerField(_("population (2020)"), null=True, blank=True)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    register_code = models.CharField(
        _("register code"), max_length=60, blank=True, help_text=_("e.g. local-authority-eng:OLD")
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    alt_names = models.TextField(blank=True)

    COMBINED = "COMB"

    class Meta:
        verbose_name = _("UK local authority")
        verbose_name_plural = _("UK local authorities")
        ordering = ["official_name"]

    def __str__(self) -> str:
        return self.official_name

    @property
    def is_combined_authority(self) -> bool:
        return self.la_type == self.COMBINED

    @property
    def is_current(self) -> bool:
        return self.end_date is None or self.end_date > date.today()

    @property
    def org_id(self) -> str:
        """The org-id identifier used by 360Giving and OCDS (GB-LAE / GB-LAS / GB-PLA / GB-LANI)."""
        prefix = {
            "England": "GB-LAE",
            "Scotland": "GB-LAS",
            "Wales": "GB-PLA",
            "Northern Ireland": "GB-LANI",
        }.get(self.nation, "")
        code = self.register_code.partition(":")[2] or self.code
        return f"{prefix}-{code}" if prefix else ""


class OrganisationKind(models.TextChoices):
    PRINCIPAL_COUNCIL = "principal_council", _("Principal council")
    COMBINED_AUTHORITY = "combined_authority", _("Combined authority")
    LOCAL_COUNCIL = "local_council", _("Town, parish or community council")
    POLITICAL_GROUP = "political_group", _("Political group")
    AFFILIATE_ORGANISATION = "affiliate_organisation", _("Affiliate organisation")
    SUPPORTER_ORGANISATION = "supporter_organisation", _("Supporter organisation")
    SUPPLIER = "supplier", _("Supplier")


COUNCIL_KINDS = (OrganisationKind.PRINCIPAL_COUNCIL, OrganisationKind.COMBINED_AUTHORITY)


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices)
    local_authority = models.OneToOneField(
        LocalAuthority,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisation",
        verbose_name=_("local authority"),
        help_text=_("For principal councils and combined authorities: the council itself."),
    )
    area_authority = models.ForeignKey(
        LocalAuthority,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("council area"),
        help_text=_(
            "For political groups: the council the group sits on. "
            "For town, parish and community councils: the principal council area."
        ),
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("general email"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    address = models.TextField(_("postal address"), blank=True)
    registered_id = models.CharField(
        _("registered identifier"),
        max_length=60,
        blank=True,
        help_text=_("An org-id such as GB-COH-01234567 or GB-CHC-1234567, where one exists."),
    )
    is_public = models.BooleanField(_("shown in the public directory"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(get_user=history_user)
    objects = RegistryQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["kind", "name"]),
            models.Index(fields=["name"]),
            # The directory's order (names as people read them), and within one kind: walked in
            # order, so a page of 25 costs about the same at 120 organisations and at 12,000.
            models.Index(Lower("name"), F("name"), F("id"), name="organisation_reading_order"),
            models.Index(
                F("kind"), Lower("name"), F("name"), F("id"), name="organisation_kind_reading"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind__in=COUNCIL_KINDS) | Q(local_authority__isnull=False),
                name="council_has_local_authority",
                violation_error_message=_(
                    "A principal council or combined authority must be linked to its local "
                    "authority."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("members:organisation", kwargs={"slug": self.slug})

    @property
    def nation(self) -> str:
        la = self.local_authority or self.area_authority
        return la.nation if la else ""

    @property
    def region(self) -> str:
        la = self.local_authority or self.area_authority
        return la.region if la else ""


UNNAMED_PERSON = _("A member who has not chosen to be named")


class Person(models.Model):
    """A councillor, officer, contact or individual supporter."""

    honorific = models.CharField(_("title"), max_length=40, blank=True, help_text=_("e.g. Cllr"))
    full_name = models.CharField(_("full name"), max_length=200)
    post_nominals = models.CharField(_("post-nominals"), max_length=60, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    consent_to_contact = models.BooleanField(
        _("agrees to be contacted by the network"), default=False
    )
    consent_recorded_at = models.DateTimeField(_("consent recorded"), null=True, blank=True)
    language = models.CharField(
        _("language for emails"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Blank: the site's language. A person who signs in chooses their own."),
    )
    is_public = models.BooleanField(
        _("shown publicly"),
        default=False,
        help_text=_("Only people who chose to be public appear on public pages."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("user account"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    erased_at = models.DateTimeField(
        _("erased"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the person's details were erased; their records keep their shape."),
    )

    history = HistoricalRecords(get_user=history_user)
    objects = RegistryQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The person's name in full: for staff pages, their own pages and signed-in work."""
        if self.erased_at is not None:
            return erased_name(self)
        parts = [self.honorific, self.full_name, self.post_nominals]
        return " ".join(p for p in parts if p)

    # The one rule for naming a person to the public. Public pages, documents, the API and the
    # open data name a person through these (templates: the `shown_name` filter, `people` tags).
    @property
    def public_name(self) -> str | None:
        """The name the public may see: the person's name if they chose to be public, else None."""
        return self.display_name if self.is_public else None

    @property
    def public_label(self) -> str:
        """What a public page prints for the person: their public name, or that they have not
        chosen to be named."""
        return self.public_name or str(UNNAMED_PERSON)

    def name_shown(self, *, named: bool) -> str:
        """The name for one reader: in full when `named` (a reader who may see every name, e.g.
        staff who manage the page), otherwise the public label."""
        return self.display_name if named else self.public_label


class RoleKind(models.TextChoices):
    LEADER = "leader", _("Leader")
    CABINET_MEMBER = "cabinet_member", _("Cabinet member")
    COOPERATIVE_LEAD = "cooperative_lead", _("Co-operative lead")
    OFFICER_LEAD = "officer_lead", _("Officer lead")
    CABINET_CHAMPION = "cabinet_champion", _("Cabinet champion")
    REGIONAL_CHAMPION = "regional_champion", _("Regional champion")
    VOTING_CONTACT = "voting_contact", _("Voting contact")
    INVOICE_CONTACT = "invoice_contact", _("Invoice contact")
    COUNCILLOR = "councillor", _("Councillor")
    OFFICER = "officer", _("Officer")
    CONTACT = "contact", _("Contact")


class Role(PeriodMixin, models.Model):
    """A person's role at an organisation, over time."""

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="roles", verbose_name=_("person")
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="roles", verbose_name=_("organisation")
    )
    kind = models.CharField(_("role"), max_length=32, choices=RoleKind.choices)
    title = models.CharField(
        _("job title"), max_length=200, blank=True, help_text=_("e.g. Cabinet Member for Housing")
    )
    start = models.DateField(_("from"), null=True, blank=True)
    end = models.DateField(_("until"), null=True, blank=True)
    manages_profile = models.BooleanField(
        _("may keep the organisation's profile up to date"), default=False
    )

    history = HistoricalRecords(get_user=history_user)
    objects = RoleManager()

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        ordering = ["organisation__name", "kind"]
        indexes = [models.Index(fields=["organisation", "end"])]
        constraints = [
            # One open role per person, organisation and function: approving an application
            # and accepting its invitation give the applicant one Contact role, not two.
            models.UniqueConstraint(
                fields=["person", "organisation", "kind"],
                condition=Q(end__isnull=True),
                name="one_open_role_per_person_organisation_kind",
                violation_error_message=_("This person already holds that role here."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_kind_display()}, {self.organisation}"


class MembershipCategory(models.Model):
    """Full, Associate, Affiliate, Supporter — data, with which kinds may hold each."""

    code = models.SlugField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    counts_as_member = models.BooleanField(
        _("counted as a member"),
        default=True,
        help_text=_("Supporters are not counted as members."),
    )
    allowed_kinds = models.JSONField(
        _("organisation kinds that may hold it"), default=list, blank=True
    )
    allows_individuals = models.BooleanField(_("individuals may hold it"), default=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("membership category")
        verbose_name_plural = _("membership categories")
        ordering = ["order"]

    def __str__(self) -> str:
        return self.name

    def allows_kind(self, kind: str) -> bool:
        return kind in self.allowed_kinds


class Membership(PeriodMixin, models.Model):
    """A period in one category, open while `end` is empty.

    A change of category ends one membership and starts another.
    """

    category = models.ForeignKey(
        MembershipCategory,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("category"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("individual"),
    )
    start = models.DateField(_("start date"))
    end = models.DateField(_("end date"), null=True, blank=True)
    # Staff's note of why a membership ended ("Unpaid fee"): staff only, like `notice_reason`;
    # the public sees the end date alone.
    end_reason = models.CharField(_("reason for ending"), max_length=300, blank=True)
    notice_given_on = models.DateField(
        _("notice given on"),
        null=True,
        blank=True,
        help_text=_("When the member said it would leave; the end date follows the leaving rule."),
    )
    # The member's own words; shown to staff only, never on a public page, the API or open data.
    notice_reason = models.CharField(
        _("reason for leaving"),
        max_length=1000,
        blank=True,
        help_text=_("The member's reason for giving notice. Only staff see it."),
    )
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Where this fact comes from, e.g. a published review."),
    )
    start_is_approximate = models.BooleanField(
        _("start date is approximate"),
        default=False,
        help_text=_("The source gives an 'as at' date, not the date the member joined."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords(get_user=history_user)
    objects = PeriodRegistryManager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["-start"]
        indexes = [
            models.Index(fields=["start", "end"]),
            models.Index(fields=["organisation", "start"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(organisation__isnull=False, person__isnull=True)
                    | Q(organisation__isnull=True, person__isnull=False)
                ),
                name="membership_holder_is_organisation_or_person",
                violation_error_message=_(
                    "A membership belongs to an organisation or to an individual, not both."
                ),
            ),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="membership_ends_after_start",
                violation_error_message=_("A membership cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.holder} — {self.category} ({self.start} – {self.end or '…'})"

    @property
    def holder(self) -> Organisation | Person | None:
        return self.organisation or self.person


class CouncilBudget(models.Model):
    """A council's annual budget for a financial year (April to March), where known."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="budgets")
    financial_year = models.PositiveSmallIntegerField(
        _("financial year starting"), help_text=_("2022 for April 2022 – March 2023")
    )
    amount = models.DecimalField(_("annual budget (£)"), max_digits=16, decimal_places=2)
    source = models.CharField(_("source"), max_length=300, blank=True)

    history = HistoricalRecords(get_user=history_user)
    objects = RegistryQuerySet.as_manager()

    class Meta:
        verbose_name = _("council budget")
        verbose_name_plural = _("council budgets")
        ordering = ["organisation__name", "-financial_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "financial_year"], name="one_budget_per_council_year"
            ),
            models.CheckConstraint(condition=Q(amount__gte=0), name="budget_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.financial_year}/{(self.financial_year + 1) % 100:02d}"
