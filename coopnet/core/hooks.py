"""Hooks: a lower app announces a moment, the apps above it act on it, with no upward import.

    # members, when an application is approved (inside the approval's transaction):
    run_hooks(MEMBERSHIP_APPROVED, membership=membership, application=application, on=on, by=by)

    # finance, from its AppConfig.ready():
    register_hook(MEMBERSHIP_APPROVED, "finance.first_invoice", raise_first_invoice)

A hook runs in the caller's transaction, in the order registered; a `DomainError` it raises
refuses the whole write (the caller decides how to word it). Unlike a signal, a hook's failure is
never swallowed and its order is fixed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

MEMBERSHIP_APPROVED = "membership_approved"

Hook = Callable[..., Any]

_HOOKS: dict[str, dict[str, Hook]] = {}


def register_hook(moment: str, name: str, function: Hook) -> None:
    """Call `function(**details)` at `moment`; registering a name again replaces it."""
    _HOOKS.setdefault(moment, {})[name] = function


def unregister_hook(moment: str, name: str) -> None:
    _HOOKS.get(moment, {}).pop(name, None)


def hooks_for(moment: str) -> list[tuple[str, Hook]]:
    return list(_HOOKS.get(moment, {}).items())


def run_hooks(moment: str, **details: Any) -> None:
    for _name, function in hooks_for(moment):
        function(**details)
