"""Reads for procurement pages, with their joins set so a page costs the same at any size."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.members.models import Role
from coopnet.members.selectors import managed_organisation_ids

from .errors import ProcurementError
from .models import (
    Admission,
    Arrangement,
    CallOff,
    Category,
    CategoryDecision,
    Clarification,
    Invitation,
    Notice,
    RegimeRules,
    SupplierApplication,
    Tender,
)
from .working_days import add_working_days


def manager_emails(organisation_ids: Iterable[int], on: date) -> dict[int, str]:
    """The email addresses of the people managing each organisation on `on`, comma-separated."""
    found: dict[int, set[str]] = {}
    roles = Role.objects.managers_of(organisation_ids, on=on).select_related("person__user")
    for role in roles:
        user = role.person.user
        email = (user.email if user else "") or role.person.email
        if email:
            found.setdefault(role.organisation_id, set()).add(email)
    return {org_id: ",".join(sorted(emails)) for org_id, emails in found.items()}


def arrangements() -> QuerySet[Arrangement]:
    return Arrangement.objects.annotate(category_count=Count("categories")).order_by("-start")


def arrangements_for_api() -> QuerySet[Arrangement]:
    return Arrangement.objects.prefetch_related(
        Prefetch("categories", queryset=Category.objects.order_by("order", "name")),
        Prefetch("notices", queryset=Notice.objects.order_by("published_on", "pk")),
    ).order_by("-start", "name")


def rules_by_regime() -> dict[str, RegimeRules]:
    return {r.regime: r for r in RegimeRules.objects.all()}


def arrangement_for_page(slug: str) -> Arrangement:
    return Arrangement.objects.prefetch_related("categories", "notices").get(slug=slug)


def admitted_suppliers(arrangement: Arrangement, on: date) -> QuerySet[Admission]:
    """The admissions current on `on`, with their supplier and category, in one query."""
    return (
        Admission.objects.current_on(on)
        .filter(category__arrangement=arrangement)
        .select_related("organisation", "category")
        .order_by("organisation__name", "category__order")
    )


def supplier_count_on(arrangement: Arrangement, on: date) -> int:
    """How many suppliers are admitted on `on`, counted by the database."""
    return (
        Admission.objects.current_on(on)
        .filter(category__arrangement=arrangement)
        .values("organisation_id")
        .distinct()
        .count()
    )


def admitted_supplier_names(arrangement: Arrangement, on: date) -> QuerySet:
    """One row per supplier admitted on `on` ({organisation_id, name}), by name: a page of
    these is cut in the database (see `supplier_rows`)."""
    return (
        Admission.objects.current_on(on)
        .filter(category__arrangement=arrangement)
        .values("organisation_id", "organisation__name")
        .distinct()
        .order_by("organisation__name", "organisation_id")
    )


def supplier_rows(arrangement: Arrangement, on: date, organisation_ids: list[int]) -> list[dict]:
    """`suppliers_on`, for the given suppliers only (one query)."""
    rows: dict[int, dict] = {}
    for admission in admitted_suppliers(arrangement, on).filter(
        organisation_id__in=organisation_ids
    ):
        row = rows.setdefault(
            admission.organisation_id,
            {"organisation": admission.organisation, "admissions": []},
        )
        row["admissions"].append(admission)
    return [rows[pk] for pk in organisation_ids if pk in rows]


def suppliers_on(arrangement: Arrangement, on: date) -> list[dict]:
    """One row per supplier admitted on `on`: the supplier and its categories."""
    rows: dict[int, dict] = {}
    for admission in admitted_suppliers(arrangement, on):
        row = rows.setdefault(
            admission.organisation_id,
            {"organisation": admission.organisation, "admissions": []},
        )
        row["admissions"].append(admission)
    return list(rows.values())


def decision_due_on(application: SupplierApplication) -> date:
    rules = application.arrangement.rules()
    days = (
        rules.extended_decision_working_days
        if application.extension_reason
        else rules.decision_working_days
    )
    return add_working_days(application.received_on, days)


def evaluation_queue(
    on: date | None = None, *, with_decisions: bool = True
) -> list[SupplierApplication]:
    """Applications awaiting a decision, oldest first, each with `due_on` and `is_overdue`, and
    the decisions made so far on each category (unless `with_decisions` is False: a count)."""
    day = on or timezone.localdate()
    qs = SupplierApplication.objects.filter(
        status=SupplierApplication.Status.SUBMITTED
    ).select_related("organisation", "arrangement")
    if with_decisions:
        qs = qs.prefetch_related(
            Prefetch("decisions", queryset=CategoryDecision.objects.select_related("category"))
        )
    else:  # the dashboard's count and late list: who applied, and when it is due
        qs = qs.only(
            "received_on",
            "extension_reason",
            "organisation__name",
            "organisation__slug",
            "arrangement__regime",
        )
    applications = list(qs.order_by("received_on", "pk"))
    if not applications:
        return applications
    rules = rules_by_regime()
    for application in applications:
        rule = rules[application.arrangement.regime]
        days = (
            rule.extended_decision_working_days
            if application.extension_reason
            else rule.decision_working_days
        )
        application.due_on = add_working_days(application.received_on, days)  # type: ignore[attr-defined]
        application.is_overdue = day > application.due_on  # type: ignore[attr-defined]
    return applications


def application_for_page(pk: int) -> SupplierApplication:
    return (
        SupplierApplication.objects.select_related("organisation", "arrangement", "submitted_by")
        .prefetch_related(
            Prefetch("decisions", queryset=CategoryDecision.objects.select_related("category"))
        )
        .get(pk=pk)
    )


def applications_of(user) -> QuerySet[SupplierApplication]:
    return (
        SupplierApplication.objects.filter(organisation_id__in=managed_organisation_ids(user))
        .select_related("organisation", "arrangement")
        .order_by("-received_on")
    )


def call_offs_of(user) -> QuerySet[CallOff]:
    """Call-offs the user buys for or whose supplier is invited (all of them for staff)."""
    qs = CallOff.objects.select_related("buyer", "category", "arrangement").order_by("-created_at")
    if getattr(user, "is_network_admin", False):
        return qs
    ids = managed_organisation_ids(user)
    return qs.filter(Q(buyer_id__in=ids) | Q(invitations__supplier_id__in=ids)).distinct()


def call_off_for_page(pk: int) -> CallOff:
    return (
        CallOff.objects.select_related(
            "buyer", "category", "arrangement", "award__tender__supplier"
        )
        .prefetch_related("criteria")
        .get(pk=pk)
    )


def invitations(call_off: CallOff) -> QuerySet[Invitation]:
    return call_off.invitations.select_related("supplier").order_by("supplier__name")


def answered_clarifications(call_off: CallOff) -> QuerySet[Clarification]:
    """Questions and answers as every invited supplier sees them (who asked is never shown)."""
    return call_off.clarifications.exclude(answer="").only(
        "question", "answer", "answered_at", "call_off_id"
    )


def tender_receipts(call_off: CallOff) -> QuerySet[Tender]:
    """Who has tendered and when: never what (that stays sealed until the tenders are opened)."""
    return (
        Tender.objects.filter(call_off=call_off)
        .select_related("supplier")
        .only("pk", "call_off_id", "supplier__name", "supplier__slug", "submitted_at")
        .order_by("submitted_at")
    )


def opened_tenders(call_off: CallOff) -> QuerySet[Tender]:
    """The tenders' content: only once the deadline has passed and the buyer opened them."""
    if call_off.opened_at is None or not call_off.deadline_passed():
        raise ProcurementError(
            _("Tenders stay sealed until the deadline has passed and they are opened.")
        )
    return (
        Tender.objects.filter(call_off=call_off)
        .select_related("supplier")
        .prefetch_related("scores__criterion")
        .order_by("supplier__name")
    )


def own_tender_receipt(call_off: CallOff, supplier_ids: frozenset[int]) -> Tender | None:
    return tender_receipts(call_off).filter(supplier_id__in=supplier_ids).first()


def categories_for(arrangement: Arrangement) -> QuerySet[Category]:
    return arrangement.categories.order_by("order", "name")


def notices_of(arrangement: Arrangement) -> QuerySet[Notice]:
    return Notice.objects.filter(arrangement=arrangement).order_by("published_on", "pk")


def notice_changes(notice: Notice) -> QuerySet:
    """Every saved version of the notice, newest first, with who made it."""
    return notice.history.select_related("history_user").order_by("-history_date", "-history_id")
