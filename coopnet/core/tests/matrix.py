"""What the permission matrices are made of, shared by the core matrix tests and each app's part.

Each app may add to the matrices with a module `coopnet/<app>/tests/matrix.py` defining any of:

- `ENTRIES: dict[str, Entry]` — its site and API URL names and the expected answer per role;
- `site_context(ctx) -> dict` — objects its entries need (ctx holds org_a, org_b, role_a, the
  users by role under "users", and whatever other apps added);
- `BACK_OFFICE: dict[str, dict[str, set[str]]]` — its admin models and what each staff role may do;
- `back_office_objects(objects) -> dict` — one saved instance per admin model it registers.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from django.apps import apps

ROLES = [
    "anonymous",
    "supporter",
    "officer_a",
    "officer_b",
    "board_member",
    "finance_officer",
    "network_admin",
]

OK = 200
LOGIN = "login"  # redirected to sign in
DENY = 403
NOT_FOUND = 404
GONE = 410
REDIRECT = "redirect"  # redirected somewhere other than sign-in
EDIT = {"view", "add", "change"}


def everyone(outcome: object) -> dict[str, object]:
    return dict.fromkeys(ROLES, outcome)


def signed_in(outcome: object = OK) -> dict[str, object]:
    return {**everyone(outcome), "anonymous": LOGIN}


def editors_of_a(other: object = DENY) -> dict[str, object]:
    return {**signed_in(other), "officer_a": OK, "network_admin": OK}


def admins_only() -> dict[str, object]:
    return {**signed_in(DENY), "network_admin": OK}


def finance_staff() -> dict[str, object]:
    return {**signed_in(DENY), "finance_officer": OK, "network_admin": OK}


def anonymous_only(signed_in_outcome: object = REDIRECT) -> dict[str, object]:
    return {**everyone(signed_in_outcome), "anonymous": OK}


@dataclass
class Entry:
    expected: dict[str, object]
    kwargs: Callable[[dict[str, Any]], dict[str, Any]] = lambda ctx: {}
    query: str = ""
    method: str = "get"


def app_matrix_modules() -> list[ModuleType]:
    """The `tests.matrix` module of every coopnet app that has one, in INSTALLED_APPS order."""
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("coopnet.") or config.name == "coopnet.core":
            continue
        try:
            found.append(importlib.import_module(f"{config.name}.tests.matrix"))
        except ModuleNotFoundError as exc:
            if exc.name not in (f"{config.name}.tests", f"{config.name}.tests.matrix"):
                raise
    return found
