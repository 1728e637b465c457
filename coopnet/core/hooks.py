"""Hooks: a lower app announces a moment, the apps above it act on it, with no upward import.

    # members, when an application is approved (inside the approval's transaction):
    run_hooks(MEMBERSHIP_APPROVED, membership=membership, application=application, on=on, by=by)

    # finance, from its AppConfig.ready():
    register_hook(MEMBERSHIP_APPROVED, "finance.first_invoice", raise_first_invoice)

A hook runs in the caller's transaction, in the order registered; a `DomainError` it raises
refuses the whole write (the caller decides how to word it). Unlike a signal, a hook's failure is
never swallowed and its order is fixed. `run_hooks` returns what the hooks returned (leaving out
None), so the caller can say what happened: finance's first-invoice hook returns a `Note` saying
whether an invoice was raised and emailed.

    # members, on the approval page (before anything is written):
    notes = run_hooks(MEMBERSHIP_APPROVAL_CHECKS, application=application, on=on)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

MEMBERSHIP_APPROVED = "membership_approved"
# Before an approval: each hook returns a `Note` warning of what the approval will not do.
MEMBERSHIP_APPROVAL_CHECKS = "membership_approval_checks"


@dataclass(frozen=True)
class Note:
    """A sentence for the person acting, with an optional link to where they can put it right."""

    text: str
    link: str = ""
    link_text: str = ""

    def __str__(self) -> str:
        return self.text


Hook = Callable[..., Any]

_HOOKS: dict[str, dict[str, Hook]] = {}


def register_hook(moment: str, name: str, function: Hook) -> None:
    """Call `function(**details)` at `moment`; registering a name again replaces it."""
    _HOOKS.setdefault(moment, {})[name] = function


def unregister_hook(moment: str, name: str) -> None:
    _HOOKS.get(moment, {}).pop(name, None)


def hooks_for(moment: str) -> list[tuple[str, Hook]]:
    return list(_HOOKS.get(moment, {}).items())


def run_hooks(moment: str, **details: Any) -> list[Any]:
    """Call every hook of `moment`; return what they returned, in order, leaving out None."""
    results = []
    for _name, function in hooks_for(moment):
        result = function(**details)
        if result is not None:
            results.append(result)
    return results
