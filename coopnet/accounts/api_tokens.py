"""API tokens: how an integration reads the API without a browser session.

A token is sent as ``Authorization: Bearer cnt_<prefix>_<secret>``. The prefix finds the row;
the SHA-256 digest of the whole key is compared in constant time (keys are 256-bit random, so a
plain digest is enough: there is nothing to guess). A token:

- reads only: any method but GET, HEAD and OPTIONS is refused (403), whatever its owner may do;
- acts as its owner, so each endpoint's own permission still applies (an officer's token sees
  that officer's invoices, not everyone's);
- reaches only the areas (scopes) chosen when it was made: an endpoint belongs to the app that
  defines it (`scope_of`); the API root and schema are open to every token;
- stops working when it expires (30 days, 90 days or a year after it is made: `LIFETIMES`), when
  it is revoked, when its owner's account is deactivated, or when its owner must use two-step
  verification and has none set up.

A token that was sent and refused is answered 401 with ``WWW-Authenticate: Bearer
error="invalid_token"`` (RFC 6750) and the API's error naming why; a header that carries no
token at all gets plain ``Bearer``.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request

from .middleware import must_set_up_two_step
from .models import ApiToken, User

KEY_START = "cnt_"
OPEN_TO_EVERY_TOKEN = "api"  # the root, the schema, the docs
LAST_USED_EVERY = timedelta(minutes=1)
# How long a new token works, in days, as the form offers it; the service refuses any other.
LIFETIMES = {30: gettext_lazy("30 days"), 90: gettext_lazy("90 days"), 365: gettext_lazy("1 year")}
DEFAULT_LIFETIME = 90
LIFETIME_REFUSED = gettext_lazy("Choose how long the token works: 30 days, 90 days or 1 year.")
REFUSED = "_coopnet_api_token_refused"  # set on a request whose token was refused


def digest_of(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def new_key() -> tuple[str, str]:
    """A fresh key and its prefix."""
    prefix = secrets.token_hex(4)
    return f"{KEY_START}{prefix}_{secrets.token_urlsafe(32)}", prefix


def scope_of(view: Any) -> str:
    """The area an API view belongs to: the app whose module defines it."""
    parts = type(view).__module__.split(".")
    if parts[0] == "drf_spectacular":  # the schema
        return OPEN_TO_EVERY_TOKEN
    return parts[1] if len(parts) > 1 and parts[0] == "coopnet" else ""


class ApiTokenAuthentication(BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request: Request) -> tuple[User, ApiToken] | None:
        header = self._bearer(request)
        if header is None:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("The API token is missing or malformed."))
        try:
            token = self._token(header[1].decode("latin-1"))
        except exceptions.AuthenticationFailed:
            setattr(request, REFUSED, True)
            raise
        self._check_use(request, token)
        if token.last_used_at is None or timezone.now() - token.last_used_at > LAST_USED_EVERY:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token.user, token

    def authenticate_header(self, request: Request) -> str | None:
        """A caller who sent a token that failed is told (401) how to authenticate; a caller who
        sent none gets the API's usual 403 for a page that needs signing in. A token that was
        refused (wrong, revoked, expired, or its owner cannot use it) is `invalid_token`."""
        if self._bearer(request) is None:
            return None
        if getattr(request, REFUSED, False):
            return f'{self.keyword} error="invalid_token"'
        return self.keyword

    def _bearer(self, request: Request) -> list[bytes] | None:
        """The Authorization header's words when it names a bearer token; None otherwise."""
        header = get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        return header

    @staticmethod
    def _token(key: str) -> ApiToken:
        refused = exceptions.AuthenticationFailed(_("This API token is not valid."))
        if not key.startswith(KEY_START) or key.count("_") < 2:
            raise refused
        prefix = key[len(KEY_START) :].split("_", 1)[0]
        token = ApiToken.objects.select_related("user").filter(prefix=prefix).first()
        if token is None or not hmac.compare_digest(token.digest, digest_of(key)):
            raise refused
        if not token.is_active:
            raise exceptions.AuthenticationFailed(_("This API token has been revoked."))
        if token.has_expired:
            raise exceptions.AuthenticationFailed(
                _("This API token has expired."), code="token_expired"
            )
        if not token.user.is_active:
            raise refused
        if must_set_up_two_step(token.user):
            raise exceptions.AuthenticationFailed(
                _("The token's owner must set up two-step verification before it can be used.")
            )
        return token

    @staticmethod
    def _check_use(request: Request, token: ApiToken) -> None:
        if request.method not in SAFE_METHODS:
            raise exceptions.PermissionDenied(_("An API token can only read."))
        view = request.parser_context.get("view") if request.parser_context else None
        scope = scope_of(view) if view is not None else ""
        if scope != OPEN_TO_EVERY_TOKEN and scope not in token.scopes:
            raise exceptions.PermissionDenied(
                _("This API token may not read this part of the API.")
            )


class ApiTokenScheme(OpenApiAuthenticationExtension):
    """How the OpenAPI description names the token (a bearer token in the header)."""

    target_class = "coopnet.accounts.api_tokens.ApiTokenAuthentication"
    name = "apiToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": str(
                _("A read-only API token made at /accounts/api-tokens/, limited to its scopes.")
            ),
        }
