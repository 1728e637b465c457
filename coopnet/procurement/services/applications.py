"""Supplier applications: submit, extend the clock, decide per category; admissions and removal."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.core.actors import acting_as, user_of
from coopnet.core.audit import audit_record
from coopnet.core.guard import require
from coopnet.members.models import Organisation

from ..errors import ProcurementError
from ..models import (
    EXCLUSION_GROUNDS,
    Admission,
    Arrangement,
    Category,
    CategoryDecision,
    CommunicationLog,
    DeclarationRenewal,
    SupplierApplication,
)
from .common import log_message, send_after_commit

COMPANIES_HOUSE_NUMBER = re.compile(r"^(\d{8}|[A-Z]{2}\d{6})$")


def clean_companies_house_number(value: str) -> str:
    """Eight characters: eight digits, or two letters and six digits (e.g. SC123456)."""
    number = re.sub(r"\s+", "", value or "").upper()
    if number and not COMPANIES_HOUSE_NUMBER.match(number):
        raise ProcurementError(
            _(
                "Enter a Companies House number of 8 characters: 8 digits, or 2 letters "
                "followed by 6 digits, like 01234567 or SC123456."
            ),
            field="companies_house_number",
        )
    return number


def _check_declarations(declarations: Mapping[str, bool]) -> dict[str, bool]:
    missing = [key for key, _label in EXCLUSION_GROUNDS if key not in declarations]
    if missing:
        raise ProcurementError(
            _("Say whether each ground for exclusion applies to the organisation."),
            field="declarations",
        )
    return {key: bool(declarations[key]) for key, _label in EXCLUSION_GROUNDS}


def _check_answers(category: Category, answers: Mapping[str, str]) -> dict[str, str]:
    cleaned = {}
    for question in category.questions:
        answer = (answers.get(question["key"]) or "").strip()
        if not answer:
            raise ProcurementError(
                _("Answer every question for %(category)s.") % {"category": category.name},
                field="answers",
            )
        cleaned[question["key"]] = answer
    return cleaned


@transaction.atomic
def application_submit(
    *,
    arrangement: Arrangement,
    organisation: Organisation,
    categories: Sequence[Category],
    answers: Mapping[int, Mapping[str, str]],
    declarations: Mapping[str, bool],
    companies_house_number: str = "",
    by: Any,
    on: date | None = None,
) -> SupplierApplication:
    """Apply to join the arrangement in one or more categories (at any time while it runs)."""
    require(by, "procurement.apply_for", organisation)
    day = on or timezone.localdate()
    with acting_as(by):
        check_application(
            arrangement=arrangement,
            organisation=organisation,
            categories=categories,
            answers=answers,
            declarations=declarations,
            companies_house_number=companies_house_number,
            on=day,
        )
        return record_application(
            arrangement=arrangement,
            organisation=organisation,
            categories=categories,
            answers=answers,
            declarations=declarations,
            companies_house_number=companies_house_number,
            by=by,
            on=day,
        )


def check_application(
    *,
    arrangement: Arrangement,
    organisation: Organisation | None,
    categories: Sequence[Category],
    answers: Mapping[int, Mapping[str, str]],
    declarations: Mapping[str, bool],
    companies_house_number: str,
    on: date,
) -> None:
    """Every rule an application must meet (`organisation` None: one not yet in the registry)."""
    day = on
    if not arrangement.is_open_on(day):
        raise ProcurementError(_("The arrangement is not open to applications on that day."))
    if not categories:
        raise ProcurementError(_("Choose at least one category."), field="categories")
    if any(c.arrangement_id != arrangement.pk for c in categories):
        raise ProcurementError(_("Choose categories of this arrangement."), field="categories")
    clean_companies_house_number(companies_house_number)
    _check_declarations(declarations)
    for category in categories:
        _check_answers(category, answers.get(category.pk, {}))
    if organisation is None:
        return
    admitted = set(
        Admission.objects.current_on(day)
        .filter(organisation=organisation, category__in=categories)
        .values_list("category_id", flat=True)
    )
    pending = set(
        CategoryDecision.objects.filter(
            application__organisation=organisation,
            category__in=categories,
            outcome=CategoryDecision.Outcome.PENDING,
        ).values_list("category_id", flat=True)
    )
    for category in categories:
        if category.pk in admitted:
            raise ProcurementError(
                _("%(org)s is already admitted in %(category)s.")
                % {"org": organisation, "category": category},
                field="categories",
            )
        if category.pk in pending:
            raise ProcurementError(
                _("%(org)s already has an application awaiting a decision in %(category)s.")
                % {"org": organisation, "category": category},
                field="categories",
            )


def record_application(
    *,
    arrangement: Arrangement,
    organisation: Organisation,
    categories: Sequence[Category],
    answers: Mapping[int, Mapping[str, str]],
    declarations: Mapping[str, bool],
    companies_house_number: str,
    by: Any,
    on: date,
    contact_email: str = "",
) -> SupplierApplication:
    """Write an application that `check_application` has passed (the caller holds the lock)."""
    day = on
    number = clean_companies_house_number(companies_house_number)
    cleaned_declarations = _check_declarations(declarations)
    cleaned_answers = {c.pk: _check_answers(c, answers.get(c.pk, {})) for c in categories}
    application = SupplierApplication.objects.create(
        arrangement=arrangement,
        organisation=organisation,
        companies_house_number=number,
        declarations=cleaned_declarations,
        received_on=day,
        submitted_at=timezone.now(),
        submitted_by=user_of(by),
        contact_email=contact_email,
    )
    CategoryDecision.objects.bulk_create(
        CategoryDecision(
            application=application,
            category=category,
            questions_version=category.questions_version,
            answers=cleaned_answers[category.pk],
        )
        for category in categories
    )
    audit_record(
        by=by,
        action="supplier_application.submitted",
        target=application,
        about=[organisation, arrangement],
        summary=_("%(org)s applied to %(arrangement)s in %(n)s categories")
        % {"org": organisation, "arrangement": arrangement, "n": len(categories)},
    )
    return application


@transaction.atomic
def application_extend(*, application: SupplierApplication, reason: str, by: Any) -> None:
    """Take 15 working days instead of 10 to decide, for a reason that is recorded."""
    require(by, "procurement.manage")
    if not reason.strip():
        raise ProcurementError(_("Give the reason for taking longer."), field="reason")
    with acting_as(by):
        application = SupplierApplication.objects.select_for_update(of=("self",)).get(
            pk=application.pk
        )
        if application.status != SupplierApplication.Status.SUBMITTED:
            raise ProcurementError(_("Only an application awaiting a decision can be extended."))
        application.extension_reason = reason.strip()
        application.save(update_fields=["extension_reason"])
        audit_record(
            by=by,
            action="supplier_application.extended",
            target=application,
            about=[application.organisation],
            reason=reason,
        )


@transaction.atomic
def application_decide(
    *,
    decision: CategoryDecision,
    admit: bool,
    reasons: str,
    by: Any,
    on: date | None = None,
) -> CategoryDecision:
    """Admit the supplier in one category, or not, with reasons; the supplier is told why."""
    require(by, "procurement.manage", message=_("Only network staff evaluate applications."))
    day = on or timezone.localdate()
    if not reasons.strip():
        raise ProcurementError(_("Give the reasons for the decision."), field="reasons")
    with acting_as(by):
        decision = (
            CategoryDecision.objects.select_for_update(of=("self",))
            .select_related("application__organisation", "application__arrangement", "category")
            .get(pk=decision.pk)
        )
        if decision.outcome != CategoryDecision.Outcome.PENDING:
            raise ProcurementError(_("This category has already been decided."))
        application = decision.application
        organisation = application.organisation
        decision.outcome = (
            CategoryDecision.Outcome.ADMITTED if admit else CategoryDecision.Outcome.REJECTED
        )
        decision.reasons = reasons.strip()
        decision.decided_on = day
        decision.decided_by = user_of(by)
        decision.save()
        if admit:
            Admission.objects.create(
                organisation=organisation,
                category=decision.category,
                decision=decision,
                start=day,
                end=application.arrangement.end,
                source=_("Decision on application %(pk)s") % {"pk": application.pk},
            )
            subject = _("You are admitted to %(arrangement)s: %(category)s")
            body = _(
                "%(org)s is admitted to %(arrangement)s in the category %(category)s from "
                "%(day)s.\n\nReasons: %(reasons)s"
            )
        else:
            subject = _("Your application to %(arrangement)s: %(category)s")
            body = _(
                "%(org)s is not admitted to %(arrangement)s in the category %(category)s.\n\n"
                "Why: %(reasons)s\n\nYou may apply again at any time while the arrangement runs."
            )
        values = {
            "org": organisation.name,
            "arrangement": application.arrangement.name,
            "category": decision.category.name,
            "day": day.strftime("%d/%m/%Y"),
            "reasons": decision.reasons,
        }
        log = log_message(
            kind=CommunicationLog.Kind.DECISION,
            organisation=organisation,
            application=application,
            subject=subject % values,
            body=body % values,
        )
        if not application.decisions.filter(outcome=CategoryDecision.Outcome.PENDING).exists():
            application.status = SupplierApplication.Status.DECIDED
            application.save(update_fields=["status"])
        audit_record(
            by=by,
            action="supplier_application.admitted" if admit else "supplier_application.rejected",
            target=decision,
            about=[application, organisation],
            reason=decision.reasons,
        )
        send_after_commit([log])
    return decision


@transaction.atomic
def admission_remove(
    *, admission: Admission, reason: str, by: Any, on: date | None = None
) -> Admission:
    """Remove (exclude) a supplier from a category from `on`, with the reason; it is told."""
    require(by, "procurement.manage")
    day = on or timezone.localdate()
    if not reason.strip():
        raise ProcurementError(_("Give the reason for the removal."), field="reason")
    with acting_as(by):
        admission = (
            Admission.objects.select_for_update(of=("self",))
            .select_related("organisation", "category__arrangement")
            .get(pk=admission.pk)
        )
        if not admission.is_current_on(day):
            raise ProcurementError(_("The supplier is not admitted in that category on that day."))
        if admission.start > day:
            raise ProcurementError(_("A removal cannot come before the admission."))
        admission.end = day
        admission.removal_reason = reason.strip()
        admission.save(update_fields=["end", "removal_reason"])
        values = {
            "org": admission.organisation.name,
            "arrangement": admission.category.arrangement.name,
            "category": admission.category.name,
            "day": day.strftime("%d/%m/%Y"),
            "reason": admission.removal_reason,
        }
        log = log_message(
            kind=CommunicationLog.Kind.REMOVAL,
            organisation=admission.organisation,
            subject=_("Removal from %(arrangement)s: %(category)s") % values,
            body=_(
                "%(org)s is removed from %(arrangement)s in the category %(category)s on "
                "%(day)s.\n\nReason: %(reason)s"
            )
            % values,
        )
        audit_record(
            by=by,
            action="admission.removed",
            target=admission,
            about=[admission.organisation],
            reason=admission.removal_reason,
        )
        send_after_commit([log])
    return admission


@transaction.atomic
def declarations_request(
    *, arrangement: Arrangement, by: Any, on: date | None = None
) -> list[DeclarationRenewal]:
    """Ask every supplier admitted on `on` to declare again; each is told by email."""
    require(by, "procurement.manage")
    day = on or timezone.localdate()
    with acting_as(by):
        supplier_ids = sorted(
            set(
                Admission.objects.current_on(day)
                .filter(category__arrangement=arrangement)
                .values_list("organisation_id", flat=True)
            )
        )
        if not supplier_ids:
            raise ProcurementError(_("No supplier is admitted on that day."))
        renewals = DeclarationRenewal.objects.bulk_create(
            DeclarationRenewal(arrangement=arrangement, organisation_id=pk, requested_on=day)
            for pk in supplier_ids
        )
        renewals = list(
            DeclarationRenewal.objects.filter(arrangement=arrangement, requested_on=day)
            .filter(organisation_id__in=supplier_ids, declared_at__isnull=True)
            .select_related("organisation")
        )
        logs = []
        for renewal in renewals:
            values = {
                "arrangement": arrangement.name,
                "url": settings.SITE_URL.rstrip("/") + renewal.get_absolute_url(),
            }
            logs.append(
                log_message(
                    kind=CommunicationLog.Kind.DECLARATIONS,
                    organisation=renewal.organisation,
                    subject=_("Please renew your declarations: %(arrangement)s") % values,
                    body=_(
                        "Please declare again whether any ground for exclusion applies to your "
                        "organisation, to stay on %(arrangement)s.\n\n%(url)s"
                    )
                    % values,
                )
            )
        audit_record(
            by=by,
            action="declarations.requested",
            target=arrangement,
            summary=_("%(n)s suppliers asked to renew their declarations") % {"n": len(renewals)},
        )
        send_after_commit(logs)
    return renewals


@transaction.atomic
def declarations_renew(
    *, renewal: DeclarationRenewal, declarations: Mapping[str, bool], by: Any
) -> DeclarationRenewal:
    """The supplier declares again (once per request)."""
    require(by, "procurement.apply_for", renewal.organisation)
    with acting_as(by):
        renewal = DeclarationRenewal.objects.select_for_update(of=("self",)).get(pk=renewal.pk)
        if renewal.declared_at is not None:
            raise ProcurementError(_("These declarations have already been renewed."))
        renewal.declarations = _check_declarations(declarations)
        renewal.declared_at = timezone.now()
        renewal.declared_by = user_of(by)
        renewal.save(update_fields=["declarations", "declared_at", "declared_by"])
        audit_record(
            by=by,
            action="declarations.renewed",
            target=renewal,
            about=[renewal.organisation],
        )
    return renewal
