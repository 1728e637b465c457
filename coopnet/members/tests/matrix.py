"""The members app's part of the permission matrix: joining, the welcome pack and leaving.

The registry's own URLs (members:directory ...) are listed in coopnet/core/tests/
test_permission_matrix.py; the entries here are for what issue 3 added.
"""

from __future__ import annotations

from typing import Any

from coopnet.core.tests.matrix import (
    DENY,
    OK,
    REDIRECT,
    Entry,
    admins_only,
    editors_of_a,
    everyone,
    finance_staff,
    signed_in,
)

API_ADMINS_ONLY = {**signed_in(DENY), "anonymous": DENY, "network_admin": OK}


def _token(key: str) -> Any:
    return lambda c: {"token": c[key].token}


def _pk(c: dict[str, Any]) -> dict[str, Any]:
    return {"pk": c["application_sent"].pk}


def _org_a(c: dict[str, Any]) -> dict[str, Any]:
    return {"slug": c["org_a"].slug}


def _person_a(c: dict[str, Any]) -> dict[str, Any]:
    return {"slug": c["role_a"].person.slug}


ENTRIES: dict[str, Entry] = {
    # audit trails: network staff only
    "members:organisation_audit": Entry(finance_staff(), _org_a),
    "members:organisation_audit_csv": Entry(finance_staff(), _org_a),
    "members:person_audit": Entry(finance_staff(), _person_a),
    "members:person_audit_csv": Entry(finance_staff(), _person_a),
    # personal data (subject-access exports, erasure): the network admin only
    "members:personal_data": Entry(admins_only()),
    "members:retention_schedule": Entry(admins_only()),
    "members:person_personal_data": Entry(admins_only(), _person_a),
    "members:person_erase": Entry(admins_only(), _person_a),
    "members:access_export": Entry(admins_only(), lambda c: {"pk": c["access_export"].pk}),
    "members:access_export_download": Entry(
        {**admins_only(), "network_admin": REDIRECT},  # not ready yet: back to its page
        lambda c: {"pk": c["access_export"].pk},
        method="post",
    ),
    # the public journey (no account; the link's token is the key)
    "joining:start": Entry(everyone(OK)),
    "joining:new": Entry(everyone(OK)),
    "joining:resume": Entry(everyone(OK)),
    "joining:task_list": Entry(everyone(OK), _token("application_draft")),
    "joining:applicant": Entry(everyone(OK), _token("application_draft")),
    "joining:organisation": Entry(everyone(OK), _token("application_draft")),
    "joining:contacts": Entry(everyone(OK), _token("application_draft")),
    "joining:principle": Entry(
        everyone(OK), lambda c: {"token": c["application_draft"].token, "number": 1}
    ),
    "joining:check": Entry(everyone(OK), _token("application_draft")),
    "joining:answer": Entry(everyone(OK), _token("application_asked")),
    "joining:application_welcome": Entry(everyone(OK), _token("application_approved")),
    # the staff queue and decisions
    "joining:queue": Entry(admins_only()),
    "joining:application": Entry(admins_only(), _pk),
    "joining:ask": Entry(admins_only(), _pk),
    "joining:approve": Entry(admins_only(), _pk),
    "joining:decline": Entry(admins_only(), _pk),
    # a member's welcome pack, and giving notice
    "joining:welcome_pack": Entry(editors_of_a(), lambda c: {"slug": c["org_a"].slug}),
    "joining:welcome_pack_pdf": Entry(editors_of_a(), lambda c: {"slug": c["org_a"].slug}),
    "members:give_notice": Entry(editors_of_a(), lambda c: {"slug": c["org_a"].slug}),
    # API
    "api:application-list": Entry(API_ADMINS_ONLY),
    "api:application-detail": Entry(API_ADMINS_ONLY, _pk),
}


def site_context(ctx: dict[str, Any]) -> dict[str, Any]:
    from django.utils import timezone

    from coopnet.members.models import ApplicantType, Application

    def make(status: str, email: str) -> Application:
        return Application.objects.create(
            applicant_type=ApplicantType.AFFILIATE,
            applicant_name="Matrix Applicant",
            applicant_email=email,
            organisation_name=f"Matrix {status}",
            organisation_key=f"affiliate::matrix-{status}",
            status=status,
            submitted_at=None if status == Application.Status.DRAFT else timezone.now(),
        )

    from coopnet.members.models import SubjectAccessExport

    export = SubjectAccessExport.objects.create(person=ctx["role_a"].person, reason="Matrix")
    return {
        "access_export": export,
        "application_draft": make(Application.Status.DRAFT, "draft@example.org"),
        "application_sent": make(Application.Status.SUBMITTED, "sent@example.org"),
        "application_asked": make(Application.Status.MORE_INFORMATION, "asked@example.org"),
        "application_approved": make(Application.Status.APPROVED, "approved@example.org"),
    }
