"""Reads for applications to join: what an applicant may choose, what is missing, the queue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coopnet.core.hooks import MEMBERSHIP_APPROVAL_CHECKS, Note, run_hooks
from coopnet.core.periods import current_on_q
from coopnet.core.selectors import network_principles

from ..models import (
    OPEN_STATUSES,
    Application,
    ApplicationAssessment,
    ApplicationMessage,
    LocalAuthority,
    Membership,
    MembershipCategory,
    Organisation,
)

OPEN_APPLICATION_MESSAGE = gettext_lazy(
    "This organisation already has an application waiting for a decision. The network will "
    "reply to that application; you do not need to apply again."
)

SECTION_APPLICANT = gettext_lazy("About you")
SECTION_ORGANISATION = gettext_lazy("The organisation")
SECTION_CONTACTS = gettext_lazy("Contacts")
SECTION_ASSESSMENT = gettext_lazy("Self-assessment against the principles")


def categories_offered(application: Application) -> list[MembershipCategory]:
    """The categories this applicant may hold, from what each category allows."""
    kind = application.organisation_kind
    result = []
    for category in MembershipCategory.objects.order_by("order"):
        if (kind is None and category.allows_individuals) or (
            kind is not None and category.allows_kind(kind)
        ):
            result.append(category)
    return result


def councils() -> QuerySet[LocalAuthority]:
    """Current councils and combined authorities, as the reference table names them."""
    return LocalAuthority.objects.filter(end_date__isnull=True).order_by("official_name")


def council_areas() -> QuerySet[LocalAuthority]:
    """Current principal councils, as the area a town council or political group belongs to."""
    return councils().exclude(la_type=LocalAuthority.COMBINED)


def organisation_key(application: Application) -> str:
    """One value per organisation, so the same organisation cannot apply twice at once."""
    if application.is_individual:
        return f"person:{application.applicant_email.lower()}"
    if application.local_authority_id:
        return f"la:{application.local_authority_id}"
    area = application.area_authority_id or ""
    return f"{application.applicant_type}:{area}:{slugify(application.organisation_name)}"[:240]


def existing_organisation(application: Application) -> Organisation | None:
    if application.is_individual:
        return None
    if application.local_authority_id:
        return Organisation.objects.filter(
            local_authority_id=application.local_authority_id
        ).first()
    name = application.organisation_name.strip()
    if not name:
        return None
    return Organisation.objects.filter(
        name__iexact=name,
        kind=application.organisation_kind,
        area_authority_id=application.area_authority_id,
    ).first()


def why_organisation_cannot_apply(application: Application) -> str:
    """The refusal to show when the organisation is already a member or already applying."""
    others = Application.objects.filter(
        organisation_key=application.organisation_key, status__in=OPEN_STATUSES
    ).exclude(pk=application.pk)
    if others.exists():
        return str(OPEN_APPLICATION_MESSAGE)
    today = timezone.localdate()
    if application.is_individual:
        current = Membership.objects.filter(
            current_on_q(today), person__email__iexact=application.applicant_email
        )
    else:
        organisation = existing_organisation(application)
        application.organisation = organisation
        if organisation is None:
            return ""
        current = organisation.memberships.filter(current_on_q(today))
    held = current.select_related("category").first()
    if held is not None:
        return _(
            "%(name)s is already a %(category)s member of the network. To change category, "
            "contact the network."
        ) % {"name": application.display_name, "category": _(held.category.name)}
    return ""


@dataclass
class Section:
    name: str | Promise
    url_name: str
    done: bool
    needed: bool = True
    url: str = ""


def sections(application: Application, answered: int) -> list[Section]:
    individual = application.is_individual
    return [
        Section(SECTION_APPLICANT, "joining:applicant", bool(application.applicant_name)),
        Section(
            SECTION_ORGANISATION,
            "joining:organisation",
            bool(application.organisation_key and application.category_id),
            needed=not individual,
        ),
        Section(
            SECTION_CONTACTS,
            "joining:contacts",
            bool(application.invoice_email and application.voting_email),
            needed=not individual,
        ),
        Section(SECTION_ASSESSMENT, "joining:principle", answered >= network_principles().count()),
    ]


def missing_sections(application: Application) -> list[str | Promise]:
    answered = application.assessments.count()
    return [s.name for s in sections(application, answered) if s.needed and not s.done]


def for_applicant(token: str) -> Application:
    """The application behind a link, with everything its pages show."""
    return (
        Application.objects.select_related("category", "local_authority", "area_authority")
        .prefetch_related(
            Prefetch(
                "assessments",
                queryset=ApplicationAssessment.objects.select_related("principle"),
            ),
            Prefetch("messages", queryset=ApplicationMessage.objects.order_by("created_at", "pk")),
        )
        .get(token=token)
    )


def queue(status: str = "") -> QuerySet[Application]:
    """Applications sent to the network, oldest waiting first; drafts are the applicants' own."""
    qs = (
        Application.objects.exclude(status=Application.Status.DRAFT)
        .select_related("category", "local_authority", "area_authority", "organisation")
        .annotate(
            answered=Count("assessments", distinct=True),
            low_ratings=Count("assessments", filter=Q(assessments__rating__lte=1), distinct=True),
        )
        .order_by("submitted_at", "pk")
    )
    return qs.filter(status=status) if status else qs


def for_staff(pk: int) -> Application:
    return (
        Application.objects.select_related(
            "category",
            "local_authority",
            "area_authority",
            "organisation",
            "membership",
            "decided_by",
        )
        .prefetch_related(
            Prefetch(
                "assessments",
                queryset=ApplicationAssessment.objects.select_related("principle"),
            ),
            Prefetch(
                "messages",
                queryset=ApplicationMessage.objects.select_related("sent_by").order_by(
                    "created_at", "pk"
                ),
            ),
        )
        .get(pk=pk)
    )


def approval_checks(application: Application, on: date) -> list[Note]:
    """What approving on `on` would not do (e.g. no fee is set, so no invoice): for the page.
    The apps above answer through `MEMBERSHIP_APPROVAL_CHECKS` (`coopnet.core.hooks`)."""
    return run_hooks(MEMBERSHIP_APPROVAL_CHECKS, application=application, on=on)


def applications_to_decide() -> QuerySet[Application]:
    """Applications waiting for the network's decision, oldest first: what a list of them names
    (the queue's page has the ratings, `queue`)."""
    return (
        Application.objects.filter(status=Application.Status.SUBMITTED)
        .select_related("local_authority")
        .only(  # what `display_name` and the list read
            "applicant_type",
            "applicant_name",
            "organisation_name",
            "submitted_at",
            "local_authority__official_name",
        )
        .order_by("submitted_at", "pk")
    )
