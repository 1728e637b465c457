"""Writes a person makes to their own account."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.core.audit import audit_record
from coopnet.core.guard import require

from .api_scopes import SCOPES
from .api_tokens import DEFAULT_LIFETIME, LIFETIME_REFUSED, LIFETIMES, digest_of, new_key
from .errors import AccountsError
from .middleware import must_set_up_two_step
from .models import ApiToken, User
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


def api_token_create(
    *, user: User, name: str, scopes: list[str], lifetime_days: int = DEFAULT_LIFETIME
) -> tuple[ApiToken, str]:
    """A new read-only API token for `user` that works for `lifetime_days` (one of `LIFETIMES`);
    returns it with its key, which is never stored and so can be shown only now."""
    if must_set_up_two_step(user):
        raise AccountsError(
            _("Set up two-step verification before you make an API token."), code="two_step"
        )
    unknown = set(scopes) - set(SCOPES)
    if not scopes or unknown:
        raise AccountsError(_("Choose at least one part of the API."), field="scopes")
    if lifetime_days not in LIFETIMES:
        raise AccountsError(LIFETIME_REFUSED, field="lifetime")
    key, prefix = new_key()
    expires_at = timezone.now() + timedelta(days=lifetime_days)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user,
            name=name.strip(),
            prefix=prefix,
            digest=digest_of(key),
            scopes=sorted(scopes),
            expires_at=expires_at,
        )
        audit_record(
            by=user,
            action="account.api_token_created",
            target=token,
            summary=_("API token “%(name)s” made") % {"name": token.name},
            changes={"scopes": token.scopes, "expires_at": expires_at.isoformat()},
        )
    return token, key


@transaction.atomic
def api_token_revoke(*, token: ApiToken, by: User) -> bool:
    """Revoke `token` (its owner, or staff who may manage tokens); whether it was still live."""
    require(by, "accounts.revoke_api_token", token)
    locked = ApiToken.objects.select_for_update().get(pk=token.pk)
    if locked.revoked_at is not None:
        return False
    locked.revoked_at = timezone.now()
    locked.save(update_fields=["revoked_at"])
    audit_record(
        by=by,
        action="account.api_token_revoked",
        target=locked,
        summary=_("API token “%(name)s” revoked") % {"name": locked.name},
    )
    return True
