"""Predicates on a person's access role (rules), shared by every app's permissions.py.

The access roles themselves are in `roles.py`; object rules (who manages which organisation, who
reviews which bid) live in each app's own permissions.py and build on these.
"""

import rules

from .roles import UserRole


@rules.predicate
def is_network_admin(user) -> bool:
    return bool(user and user.is_authenticated and getattr(user, "is_network_admin", False))


def _has_role(role: str) -> rules.Predicate:
    @rules.predicate(name=f"has_role_{role}")
    def predicate(user) -> bool:
        return bool(user and user.is_authenticated and user.has_role(role))

    return predicate


is_finance_officer = _has_role(UserRole.FINANCE_OFFICER)
is_board_member = _has_role(UserRole.BOARD_MEMBER)
is_staff_role = is_network_admin | is_finance_officer

rules.add_perm("accounts.invite_people", is_network_admin)
# Lift an account's lock after failed passwords (sign_in_locks.py).
rules.add_perm("accounts.unlock_sign_in", is_network_admin)


@rules.predicate
def owns_the_token(user, token) -> bool:
    return bool(token is not None and user and token.user_id == getattr(user, "pk", None))


# Revoke an API token: its owner, or a network admin anyone's (api_tokens.py). Without a token,
# the question is "may revoke anyone's" (staff see every live token).
rules.add_perm("accounts.revoke_api_token", owns_the_token | is_network_admin)
