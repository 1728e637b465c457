"""Applications built through the same services the journey uses."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.test import TestCase

from coopnet.members.joining import selectors, services
from coopnet.members.models import ApplicantType, Application, LocalAuthority, Rating
from coopnet.members.tests.factories import category


@contextmanager
def committed() -> Iterator[None]:
    """Run what the block queues with transaction.on_commit (emails) when the block ends."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        yield


def applicant(**overrides: Any) -> dict[str, Any]:
    return {
        "applicant_name": "Carys Pugh",
        "applicant_email": "carys.pugh@example.org",
        "applicant_job_title": "Policy Officer",
        "applicant_phone": "01632 960001",
        **overrides,
    }


def contacts(**overrides: Any) -> dict[str, Any]:
    return {
        "invoice_name": "Ifan Morgan",
        "invoice_email": "invoices@example.org",
        "invoice_phone": "01632 960002",
        "purchase_order": "PO-123",
        "voting_name": "Cllr Sian Rees",
        "voting_email": "sian.rees@example.org",
        "voting_job_title": "Leader of the Council",
        **overrides,
    }


def draft(applicant_type: str = ApplicantType.COUNCIL, **who: Any) -> Application:
    with committed():
        return services.application_start(
            applicant_type=applicant_type,
            applicant=services.ApplicantAnswers(**applicant(**who)),
        )


def assess_all(application: Application, rating: int = Rating.DEVELOPING) -> None:
    for principle in selectors.network_principles():
        services.application_assess(
            application=application,
            principle=principle,
            rating=rating,
            statement=f"How we practise {principle.name}.",
        )


def council_application(la_code: str = "WGN", *, submit: bool = True, **who: Any) -> Application:
    """A complete application from a council (default Wigan, WGN), sent unless submit=False."""
    application = draft(ApplicantType.COUNCIL, **who)
    services.application_set_organisation(
        application=application,
        organisation=services.OrganisationAnswers(
            local_authority=LocalAuthority.objects.get(code=la_code), category=category("full")
        ),
    )
    services.application_set_contacts(
        application=application, contacts=services.ContactAnswers(**contacts())
    )
    assess_all(application)
    if submit:
        with committed():
            services.application_submit(application=application)
    application.refresh_from_db()
    return application


def affiliate_application(
    name: str = "Fair Shares Co-operative", *, submit: bool = True
) -> Application:
    application = draft(ApplicantType.AFFILIATE, applicant_email="hello@fairshares.example")
    services.application_set_organisation(
        application=application,
        organisation=services.OrganisationAnswers(
            organisation_name=name,
            website="https://fairshares.example",
            category=category("affiliate"),
        ),
    )
    services.application_set_contacts(
        application=application,
        contacts=services.ContactAnswers(
            **contacts(
                invoice_email="accounts@fairshares.example", voting_email="hello@fairshares.example"
            )
        ),
    )
    assess_all(application)
    if submit:
        with committed():
            services.application_submit(application=application)
    application.refresh_from_db()
    return application


def individual_application(*, submit: bool = True) -> Application:
    application = draft(
        ApplicantType.INDIVIDUAL,
        applicant_name="Rhodri Jenkins",
        applicant_email="rhodri@example.org",
    )
    assess_all(application)
    if submit:
        with committed():
            services.application_submit(application=application)
    application.refresh_from_db()
    return application
