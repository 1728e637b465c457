"""Every back-office (admin) URL, as every role.

What each staff role may do with each model is written out here, independently of the code it
checks. Non-staff are sent to sign in; staff get 200 where their role allows the action and 403
where it does not. A model registered later without an entry fails `test_every_model_has_an_entry`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib import admin
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from coopnet.accounts.models import Invitation
from coopnet.core.models import Principle, RecordCoverage, ReportedFigure
from coopnet.core.tests.matrix import DENY, EDIT, LOGIN, OK, REDIRECT, ROLES, app_matrix_modules
from coopnet.core.tests.test_permission_matrix import clients, outcome_of, url_patterns
from coopnet.members.models import CouncilBudget, LocalAuthority, MembershipCategory

pytestmark = pytest.mark.django_db

STAFF = {"finance_officer", "network_admin"}
NOT_ALLOWED = 405

# model -> staff role -> actions allowed. Deleting is never given to a role (superusers only).
CORE: dict[str, dict[str, set[str]]] = {
    "members.organisation": {"finance_officer": {"view"}, "network_admin": EDIT},
    "members.membership": {"finance_officer": {"view"}, "network_admin": EDIT},
    "members.person": {"finance_officer": {"view"}, "network_admin": EDIT},
    "members.role": {"finance_officer": {"view"}, "network_admin": EDIT},
    "members.councilbudget": {"network_admin": EDIT},
    "members.localauthority": {"network_admin": {"view"}},
    "members.membershipcategory": {"network_admin": {"view", "change"}},
    "core.principle": {"network_admin": {"view", "change"}},
    "core.reportedfigure": {"network_admin": EDIT},
    "core.recordcoverage": {"network_admin": EDIT},
    # Invitations are sent from "Invite someone" (a service that emails the link), not the admin.
    "accounts.invitation": {"network_admin": {"view"}},
    # Superusers only:
    "accounts.user": {},
    "auth.group": {},
    "sites.site": {},
    "account.emailaddress": {},
    "mfa.authenticator": {},
    "django_tasks_database.dbtaskresult": {},
}

BACK_OFFICE = dict(CORE)
for _module in app_matrix_modules():
    BACK_OFFICE.update(getattr(_module, "BACK_OFFICE", {}))

ACTIONS = {
    "changelist": "view",
    "history": "view",
    "simple_history": "view",
    "export": "view",
    "change": "view",  # a view-only role sees the read-only form
    "add": "add",
    "delete": "delete",
    "import": "import",
}


def test_every_model_has_an_entry():
    registered = {m._meta.label_lower for m in admin.site._registry}
    assert registered == set(BACK_OFFICE)


def model_action(name: str) -> tuple[str, str] | None:
    for model in admin.site._registry:
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}_"
        if name.startswith(prefix):
            return model._meta.label_lower, name.removeprefix(prefix)
    return None


def expected_for_model(role: str, model: str, action: str) -> object:
    if role == "anonymous":
        return LOGIN
    if action == "import":  # refused outright rather than sent to the back-office sign-in
        return OK if role == "network_admin" else DENY
    if role not in STAFF:
        return LOGIN
    return OK if ACTIONS[action] in BACK_OFFICE[model].get(role, set()) else DENY


# URL name -> expected outcome for (anonymous, non-staff, finance officer, network admin)
GENERAL: dict[str, tuple[object, object, object, object]] = {
    "admin:index": (LOGIN, LOGIN, OK, OK),
    "admin:app_list": (LOGIN, LOGIN, OK, OK),  # members
    # One sign-in for the whole site; signed-in non-staff are refused, staff go on in.
    "admin:login": (LOGIN, DENY, REDIRECT, REDIRECT),
    # Signing out is a POST from the site's header; admin's GET logout only redirects.
    "admin:logout": (LOGIN, REDIRECT, NOT_ALLOWED, NOT_ALLOWED),
    "admin:password_change": (LOGIN, LOGIN, OK, OK),
    "admin:password_change_done": (LOGIN, LOGIN, OK, OK),
    "admin:autocomplete": (LOGIN, LOGIN, DENY, DENY),  # needs the field it completes
    "admin:jsi18n": (LOGIN, LOGIN, OK, OK),
    "admin:view_on_site": (LOGIN, LOGIN, REDIRECT, REDIRECT),
    "admin:auth_user_password_change": (LOGIN, LOGIN, DENY, DENY),
}


def expected_general(role: str, name: str) -> object:
    anon, non_staff, finance, network = GENERAL[name]
    return {"anonymous": anon, "finance_officer": finance, "network_admin": network}.get(
        role, non_staff
    )


@pytest.fixture
def objects(org_a, network_admin) -> dict[str, Any]:
    membership = org_a.memberships.get()
    person = network_admin.person if hasattr(network_admin, "person") else None
    from coopnet.members.tests.factories import PersonFactory, RoleFactory

    person = person or PersonFactory()
    objects: dict[str, Any] = {
        "members.organisation": org_a,
        "members.membership": membership,
        "members.person": person,
        "members.role": RoleFactory(organisation=org_a, person=person),
        "members.councilbudget": CouncilBudget.objects.create(
            organisation=org_a, financial_year=2022, amount=Decimal("1.00")
        ),
        "members.localauthority": LocalAuthority.objects.get(code="OLD"),
        "members.membershipcategory": MembershipCategory.objects.first(),
        "core.principle": Principle.objects.first(),
        "core.reportedfigure": ReportedFigure.objects.create(
            key="members-full", as_of=date(2022, 7, 31), value=34, source="Review"
        ),
        "core.recordcoverage": RecordCoverage.objects.create(key="members-full"),
        "accounts.invitation": Invitation.objects.create(
            email="i@example.org", full_name="I", role="supporter", invited_by=network_admin
        ),
        "accounts.user": network_admin,
        "auth.group": Group.objects.first(),
        "sites.site": Site.objects.first(),
        "account.emailaddress": EmailAddress.objects.create(
            user=network_admin, email=network_admin.email, primary=True
        ),
        "mfa.authenticator": Authenticator.objects.create(
            user=network_admin, type=Authenticator.Type.RECOVERY_CODES, data={}
        ),
        "django_tasks_database.dbtaskresult": DBTaskResult.objects.create(
            args_kwargs={"args": [], "kwargs": {}},
            task_path="coopnet.accounts.tasks.send_invitation_email",
            backend_name="default",
            run_after=timezone.now(),
        ),
    }
    for module in app_matrix_modules():
        if hasattr(module, "back_office_objects"):
            objects.update(module.back_office_objects(objects))
    return objects


def url_for(name: str, objects: dict[str, Any]) -> str:
    found = model_action(name)
    if found is None:
        org = objects["members.organisation"]
        kwargs = {
            "admin:app_list": {"app_label": "members"},
            "admin:view_on_site": {
                "content_type_id": ContentType.objects.get_for_model(org).pk,
                "object_id": org.pk,
            },
            "admin:auth_user_password_change": {"id": objects["accounts.user"].pk},
        }.get(name, {})
        return reverse(name, kwargs=kwargs)
    model, action = found
    obj = objects[model]
    if action in ("changelist", "add", "import", "export"):
        return reverse(name)
    object_id = obj.pk
    if action == "simple_history":
        history_id = obj.history.first().history_id
        return reverse(name, args=[object_id, history_id])
    return reverse(name, args=[object_id])


def test_back_office_matrix(role_users, objects):
    by_role: dict[str, Client] = clients(role_users)
    names = sorted({n for n, _ in url_patterns() if n.startswith("admin:") and "<unnamed" not in n})
    failures = []
    for name in names:
        found = model_action(name)
        url = url_for(name, objects)
        for role in ROLES:
            expected = expected_for_model(role, *found) if found else expected_general(role, name)
            got = outcome_of(by_role[role].get(url))
            if got != expected:
                failures.append(f"{name} {url} as {role}: expected {expected}, got {got}")
    assert not failures, "\n".join(failures)
