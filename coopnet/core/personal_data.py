"""Personal data: the registries the subject-access export, erasure and retention read.

Records that *link* to a person (a foreign key to `members.Person` or to the user model) are
found by the registry itself, from the models' fields, so a new app's records are exported
without registering anything. What apps register from `AppConfig.ready()` is what a field scan
cannot see:

- details *copied* as text (an applicant's name and email address on an application, a booking
  made by email, a newsletter subscriber), found by an email field that matches one of the
  person's addresses, and what each field becomes when the person is erased:

      register_copied_details("events.Registration", match="email",
                              replace={"name": ERASED_NAME, "email": ERASED_EMAIL})

- retention rules: how long a kind of record is kept, which rows are past it on a date, and what
  happens to them (deleted, or their personal details removed). The `apply_retention` command
  applies every rule, with `--dry-run` to count first:

      register_retention("engagement.unconfirmed_subscribers", title=..., keep=...,
                         due=lambda now: Subscriber.objects.filter(...), action=DELETE)

Erased values are the same everywhere: `erased_email(row)` is unique per row (some email fields
are unique) and never deliverable (`.invalid` is reserved, RFC 2606).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.apps import apps
from django.db.models import Model, QuerySet
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

ERASED_DOMAIN = "erased.invalid"
DELETE = "delete"
ANONYMISE = "anonymise"
ACTIONS = {DELETE: gettext_lazy("deleted"), ANONYMISE: gettext_lazy("personal details removed")}


def erased_email(row: Model) -> str:
    """An address that names no one, unique to the row, that no mail server will accept."""
    return f"erased-{row._meta.model_name}-{row.pk}@{ERASED_DOMAIN}"


def erased_name(row: Model | None = None) -> str:
    return _("Erased person")


# Replacement values: a constant, or a function of the row.
ERASED_EMAIL: Callable[[Model], str] = erased_email
ERASED_NAME: Callable[[Model], str] = erased_name
Replacement = Callable[[Model], Any] | Any


@dataclass(frozen=True)
class CopiedDetails:
    """`model`'s rows whose `match` field is one of a person's email addresses hold that person's
    details as text; erasing the person sets each field of `replace` (the row keeps its shape)."""

    model: str
    match: str
    replace: Mapping[str, Replacement]

    @property
    def model_class(self) -> type[Model]:
        return apps.get_model(self.model)

    def rows(self, emails: frozenset[str]) -> QuerySet[Any]:
        from django.db.models import Q

        query = Q()
        for email in emails:
            query |= Q(**{f"{self.match}__iexact": email})
        if not query:
            return self.model_class._default_manager.none()
        return self.model_class._default_manager.filter(query).order_by("pk")

    def values_for(self, row: Model) -> dict[str, Any]:
        return {f: (v(row) if callable(v) else v) for f, v in self.replace.items()}


_COPIED: dict[tuple[str, str], CopiedDetails] = {}


def register_copied_details(model: str, *, match: str, replace: Mapping[str, Replacement]) -> None:
    _COPIED[(model.lower(), match)] = CopiedDetails(model, match, dict(replace))


def copied_details() -> list[CopiedDetails]:
    return sorted(_COPIED.values(), key=lambda c: (c.model.lower(), c.match))


# Fields never exported, whoever they belong to: secrets that prove who someone is.
SECRET_FIELD_WORDS = ("password", "secret", "digest", "token")
_SECRET_FIELDS: set[tuple[str, str]] = {("mfa.authenticator", "data")}


def register_secret_field(model: str, field: str) -> None:
    """A field that a subject-access export leaves out (it is a credential, not information)."""
    _SECRET_FIELDS.add((model.lower(), field))


def is_secret(model: type[Model], field_name: str) -> bool:
    if (model._meta.label_lower, field_name) in _SECRET_FIELDS:
        return True
    return any(word in field_name.lower() for word in SECRET_FIELD_WORDS)


@dataclass(frozen=True)
class RetentionRule:
    """Records of one kind are kept for `keep` (words for the schedule); `due(now)` is the rows
    past it; `action` is DELETE or ANONYMISE, and `apply(rows)` does the latter (returns how many
    rows it changed)."""

    key: str
    title: Any
    keep: Any
    due: Callable[[datetime], QuerySet[Any]]
    action: str = DELETE
    apply: Callable[[QuerySet[Any]], int] | None = None

    @property
    def action_label(self) -> Any:
        return ACTIONS[self.action]


_RETENTION: dict[str, RetentionRule] = {}


def register_retention(
    key: str,
    *,
    title: Any,
    keep: Any,
    due: Callable[[datetime], QuerySet[Any]],
    action: str = DELETE,
    apply: Callable[[QuerySet[Any]], int] | None = None,
) -> None:
    if action not in ACTIONS:
        raise ValueError(f"{key}: action must be one of {sorted(ACTIONS)}")
    if action == ANONYMISE and apply is None:
        raise ValueError(f"{key}: a rule that anonymises says how (apply)")
    _RETENTION[key] = RetentionRule(key, title, keep, due, action, apply)


def words(text: str, **values: Any) -> Any:
    """`gettext(text) % values`, translated when it is shown (in the reader's language), not
    when a rule is registered."""
    return lazy(lambda: _(text) % values, str)()


def retention_rules() -> list[RetentionRule]:
    return [_RETENTION[key] for key in sorted(_RETENTION)]
