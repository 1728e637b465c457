"""Predicates shared across apps (rules)."""

import rules

from coopnet.accounts.roles import UserRole


@rules.predicate
def is_network_admin(user) -> bool:
    return bool(user and user.is_authenticated and user.is_network_admin)


def _has_role(role: str) -> rules.Predicate:
    @rules.predicate(name=f"has_role_{role}")
    def predicate(user) -> bool:
        return bool(user and user.is_authenticated and user.has_role(role))

    return predicate


is_finance_officer = _has_role(UserRole.FINANCE_OFFICER)
is_board_member = _has_role(UserRole.BOARD_MEMBER)
is_staff_role = is_network_admin | is_finance_officer
