"""Writes a person makes to their own account."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _

from coopnet.core.audit import audit_record
from coopnet.core.guard import require

from .models import User
from .sign_in_locks import SignInLock, clear_account_lock, sign_in_lock


@transaction.atomic
def set_email_language(*, user: User, language: str) -> bool:
    """The language `user`'s emails are written in (blank: the site's); whether it changed."""
    if language == user.language:
        return False
    user.language = language
    user.save(update_fields=["language"])
    audit_record(
        by=user,
        action="account.email_language_changed",
        target=user,
        summary=_("Language for emails changed"),
        changes={"language": language},
    )
    return True


def unlock_sign_in(*, request: HttpRequest, user: User, by: User) -> SignInLock | None:
    """Lift `user`'s lock after failed passwords (their account's count only); returns the lock
    as it was, None when there was none to lift."""
    require(by, "accounts.unlock_sign_in")
    lock = sign_in_lock(request, user.email)
    if lock is None or not lock.failures:
        return None
    clear_account_lock(request, user.email)
    with transaction.atomic():
        audit_record(
            by=by,
            action="account.sign_in_unlocked",
            target=user,
            summary=_("Sign-in unlocked for %(email)s after %(n)s failed attempts")
            % {"email": user.email, "n": lock.failures},
        )
    return lock
