"""Load the demo data (coopnet.demo.seed) into the registry.

Loading is idempotent: every row is found by its natural key (an organisation by its local
authority or slug, a person by slug, a role by person, organisation and kind, a figure by key
and date) and saved only when something differs, so a second run writes nothing, not even a
history row. Memberships go through coopnet.members.services.membership_start; a holder that
already has a membership is left alone. Everything happens in one transaction.
"""

from __future__ import annotations

import importlib
import os
import secrets
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coopnet.accounts.models import User
from coopnet.core.actors import System, acting_as
from coopnet.core.errors import DomainError
from coopnet.core.models import RecordCoverage, ReportedFigure
from coopnet.members.models import (
    COUNCIL_KINDS,
    LocalAuthority,
    MembershipCategory,
    Organisation,
    Person,
    Role,
)
from coopnet.members.reference import name_lookup
from coopnet.members.services import membership_start

from . import seed
from .seed.accounts import PASSWORD_ENV, PASSWORD_FILE

M = TypeVar("M", bound=models.Model)

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"

# What LoadSummary counts, as the load_demo command names it.
LABELS = {
    "organisations": gettext_lazy("organisations"),
    "people": gettext_lazy("people"),
    "roles": gettext_lazy("roles"),
    "memberships": gettext_lazy("memberships"),
    "figures": gettext_lazy("reported figures"),
    "coverage": gettext_lazy("record coverage dates"),
    "accounts": gettext_lazy("demo accounts"),
}


class DemoDataError(DomainError):
    """The demo data does not fit the database (e.g. a council name matches no local authority)."""


@dataclass
class LoadSummary:
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)

    def count(self, label: str, outcome: str) -> None:
        if outcome == CREATED:
            self.created[label] += 1
        elif outcome == UPDATED:
            self.updated[label] += 1


def app_demo_modules() -> list[ModuleType]:
    """The `demo` module of every coopnet app that has one (INSTALLED_APPS order).

    Such a module defines `load(summary: LoadSummary) -> None` (idempotent, like everything here;
    it runs after the registry is loaded, in the same transaction) and may define `LABELS`, the
    names of what it counts in the summary.
    """
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("coopnet.") or config.name == "coopnet.demo":
            continue
        try:
            found.append(importlib.import_module(f"{config.name}.demo"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.demo":
                raise
    return found


def all_labels() -> dict[str, Any]:
    labels: dict[str, Any] = dict(LABELS)
    for module in app_demo_modules():
        labels.update(getattr(module, "LABELS", {}))
    return labels


DEMO = System("load_demo")
"""Who writes the demo data: services called by the loader (and apps' demo modules) act as it."""


def load_demo() -> LoadSummary:
    """Bring the database up to the demo data; return what was created or changed."""
    summary = LoadSummary()
    with transaction.atomic(), acting_as(DEMO):
        organisations = load_organisations(summary)
        people = load_people(organisations, summary)
        load_memberships(organisations, people, summary)
        load_figures(summary)
        load_accounts(people, summary)
        for module in app_demo_modules():
            module.load(summary)
    return summary


def upsert(
    model: type[M],
    lookup: Mapping[str, Any],
    values: Mapping[str, Any],
    create_only: Mapping[str, Any] | None = None,
) -> tuple[M, str]:
    """Find by `lookup`; create it, or save the `values` that differ. `create_only` is never
    applied to an existing row (e.g. whether a person is public: an admin may have changed it)."""
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        obj = model._default_manager.create(**lookup, **values, **(create_only or {}))
        return obj, CREATED
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if not changed:
        return obj, UNCHANGED
    for name in changed:
        setattr(obj, name, values[name])
    obj.save()
    return obj, UPDATED


# --- organisations ------------------------------------------------------------------------------


def council_code(name: str, lookup: Mapping[str, str]) -> str:
    """The local-authority code for a council or council area named in the seeds."""
    code = seed.COUNCIL_CODES_BY_HAND.get(name) or lookup.get(name.lower())
    if not code:
        raise DemoDataError(_("No local authority matches “%(name)s”.") % {"name": name})
    return code


def _authorities(names: Iterable[str]) -> dict[str, LocalAuthority]:
    """Seed name -> LocalAuthority row, failing loudly on a name or code that is not there."""
    lookup = name_lookup()
    codes = {name: council_code(name, lookup) for name in names}
    rows = LocalAuthority.objects.in_bulk(set(codes.values()))
    missing = sorted(code for code in codes.values() if code not in rows)
    if missing:
        raise DemoDataError(
            _("Local authority codes not in the table: %(codes)s") % {"codes": ", ".join(missing)}
        )
    return {name: rows[code] for name, code in codes.items()}


def _organisation_fields(
    item: seed.SeedOrganisation, authorities: Mapping[str, LocalAuthority]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(lookup, values) for one organisation: councils are found by their local authority."""
    if item.kind in COUNCIL_KINDS:
        authority = authorities[item.name]
        return {"local_authority": authority}, {"name": item.name, "kind": item.kind}
    area = authorities[item.area] if item.area else None
    values = {"name": item.name, "kind": item.kind, "area_authority": area}
    return {"slug": item.slug}, values


def load_organisations(summary: LoadSummary) -> dict[str, Organisation]:
    """Every seed organisation, keyed by its seed slug."""
    names = [o.name if o.kind in COUNCIL_KINDS else o.area for o in seed.ORGANISATIONS]
    authorities = _authorities(n for n in names if n)
    result: dict[str, Organisation] = {}
    for item in seed.ORGANISATIONS:
        lookup, values = _organisation_fields(item, authorities)
        create_only = {"slug": item.slug} if "slug" not in lookup else {}
        organisation, outcome = upsert(Organisation, lookup, values, create_only)
        summary.count("organisations", outcome)
        result[item.slug] = organisation
    return result


# --- people and roles ---------------------------------------------------------------------------


def _load_person(item: seed.SeedPerson, summary: LoadSummary) -> Person:
    values = {
        "full_name": item.full_name,
        "honorific": item.honorific,
        "post_nominals": item.post_nominals,
    }
    person, outcome = upsert(Person, {"slug": item.slug}, values, {"is_public": item.public})
    summary.count("people", outcome)
    return person


def _load_roles(
    person: Person,
    roles: Iterable[seed.SeedRole],
    organisations: Mapping[str, Organisation],
    summary: LoadSummary,
) -> None:
    for role in roles:
        lookup = {
            "person": person,
            "organisation": organisations[role.organisation],
            "kind": role.kind,
        }
        values = {"title": role.title, "end": role.end, "manages_profile": role.manages_profile}
        _, outcome = upsert(Role, lookup, values)
        summary.count("roles", outcome)


def load_people(
    organisations: Mapping[str, Organisation], summary: LoadSummary
) -> dict[str, Person]:
    """The people the seeds name and the made-up people behind demo accounts, keyed by slug."""
    result: dict[str, Person] = {}
    for item in (*seed.PEOPLE, *seed.DEMO_PEOPLE):
        person = _load_person(item, summary)
        _load_roles(person, item.roles, organisations, summary)
        result[item.slug] = person
    return result


# --- memberships and figures --------------------------------------------------------------------


def _ensure_membership(
    holder: Organisation | Person,
    membership: seed.SeedMembership,
    categories: Mapping[str, MembershipCategory],
) -> bool:
    """Start the membership unless the holder already has one (loaded earlier, or edited since)."""
    if holder.memberships.exists():
        return False
    membership_start(
        holder=holder,
        category=categories[membership.category],
        start=membership.start,
        by=DEMO,
        source=membership.source,
        start_is_approximate=membership.start_is_approximate,
    )
    return True


def load_memberships(
    organisations: Mapping[str, Organisation],
    people: Mapping[str, Person],
    summary: LoadSummary,
) -> None:
    categories = {c.code: c for c in MembershipCategory.objects.all()}
    holders: list[tuple[Organisation | Person, seed.SeedMembership | None]] = [
        *((organisations[o.slug], o.membership) for o in seed.ORGANISATIONS),
        *((people[p.slug], p.membership) for p in seed.PEOPLE),
    ]
    for holder, membership in holders:
        if membership is not None and _ensure_membership(holder, membership, categories):
            summary.count("memberships", CREATED)


def load_figures(summary: LoadSummary) -> None:
    for figure in seed.FIGURES:
        values = {"value": figure.value, "qualifier": figure.qualifier, "note": figure.note}
        lookup = {"key": figure.key, "as_of": figure.as_of, "source": figure.source}
        _, outcome = upsert(ReportedFigure, lookup, values)
        summary.count("figures", outcome)
    for key, complete_from, note in seed.COVERAGE:
        _, outcome = upsert(
            RecordCoverage, {"key": key}, {"complete_from": complete_from, "note": note}
        )
        summary.count("coverage", outcome)


# --- demo accounts ------------------------------------------------------------------------------


def password_file() -> Path:
    return Path(settings.BASE_DIR) / PASSWORD_FILE


def password_from_environment() -> str:
    return os.environ.get(PASSWORD_ENV, "").strip()


def stored_password() -> str:
    path = password_file()
    return path.read_text(encoding="utf-8").strip() if path.exists() else ""


def demo_password() -> tuple[str, bool]:
    """(password, must_set): DEMO_PASSWORD, else the stored one, else a new one, stored now.

    must_set is True when existing accounts must take the password too: it was given in the
    environment, or it was just generated (so that the stored password is the one that works).
    """
    given = password_from_environment()
    if given:
        return given, True
    stored = stored_password()
    if stored:
        return stored, False
    password = secrets.token_urlsafe(18)
    path = password_file()
    path.write_text(password + "\n", encoding="utf-8")
    path.chmod(0o600)
    return password, True


def _load_user(account: seed.DemoAccount, password: str, must_set: bool) -> tuple[User, str]:
    values = {
        "full_name": account.full_name,
        "is_staff": account.is_staff,
        "is_superuser": False,
        "is_active": True,
    }
    user, outcome = upsert(User, {"email": account.email}, values)
    if outcome == CREATED or (must_set and not user.check_password(password)):
        user.set_password(password)
        user.save(update_fields=["password"])
        outcome = CREATED if outcome == CREATED else UPDATED
    group, _created = Group.objects.get_or_create(name=account.role)
    if list(user.groups.all()) != [group]:
        user.groups.set([group])
    EmailAddress.objects.get_or_create(
        user=user, email=account.email, defaults={"verified": True, "primary": True}
    )
    return user, outcome


def _link_person(user: User, person: Person) -> None:
    if person.user_id == user.pk:
        return
    for other in Person.objects.filter(user=user).exclude(pk=person.pk):
        other.user = None
        other.save(update_fields=["user"])
    person.user = user
    person.save(update_fields=["user"])


def load_accounts(people: Mapping[str, Person], summary: LoadSummary) -> None:
    """One account per access role. Passwords are set when an account is created, and again only
    when DEMO_PASSWORD is given or a new password had to be generated."""
    password, must_set = demo_password()
    for account in seed.DEMO_ACCOUNTS:
        user, outcome = _load_user(account, password, must_set)
        summary.count("accounts", outcome)
        if account.person:
            _link_person(user, people[account.person])
