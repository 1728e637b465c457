"""Who must verify in two steps, and how long a signed-in session may sit idle.

- Staff (network admins, finance officers) and board members read confidential papers, bids,
  budgets and personal data: with `REQUIRE_STAFF_TWO_STEP` on (production's default), they are sent
  to set up an authenticator app on every page they open until they have one. Only the account
  pages (to set it up, or sign out), the language switch and the health check stay open.
- A session left idle longer than `SESSION_IDLE_SECONDS_STAFF` (staff and board; 2 hours by
  default) or `SESSION_IDLE_SECONDS` (everyone else; 24 hours) is ended: the next request signs
  the person out and asks them to sign in again, saying why.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .permissions import is_board_member, is_staff_role

# Paths a person who must still set up two-step verification may open.
OPEN_WHILE_SETTING_UP = ("/accounts/", "/i18n/", "/health/", "/static/", "/favicon.ico")
LAST_SEEN_KEY = "coopnet:last_seen"
# The session is written at most once a minute to keep its "last seen" time.
TOUCH_EVERY_SECONDS = 60


def needs_two_step(user: object) -> bool:
    """Staff roles and board members must verify in two steps."""
    return bool(is_staff_role(user) or is_board_member(user))


class StaffTwoStepMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._must_set_up(request):
            messages.warning(
                request,
                _(
                    "Staff and board members must set up two-step verification before using "
                    "coopnet."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)

    @staticmethod
    def _must_set_up(request: HttpRequest) -> bool:
        if request.path.startswith(OPEN_WHILE_SETTING_UP):
            return False
        return must_set_up_two_step(request.user)


def must_set_up_two_step(user: object) -> bool:
    """Whether `user` must verify in two steps and has no authenticator app yet (so may use
    nothing but the account pages, nor an API token)."""
    if not getattr(settings, "REQUIRE_STAFF_TWO_STEP", False):
        return False
    if not getattr(user, "is_authenticated", False):
        return False
    if not (getattr(user, "is_staff", False) or needs_two_step(user)):
        return False
    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def start_idle_clock(sender: object, request: HttpRequest | None = None, **kwargs: object) -> None:
    """Signing in counts as activity (so the first page after it writes no session)."""
    if request is not None and hasattr(request, "session"):
        request.session[LAST_SEEN_KEY] = int(time.time())


def idle_limit(user: object) -> int:
    if getattr(user, "is_staff", False) or needs_two_step(user):
        return int(getattr(settings, "SESSION_IDLE_SECONDS_STAFF", 2 * 3600))
    return int(getattr(settings, "SESSION_IDLE_SECONDS", 24 * 3600))


class IdleSessionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN_KEY)
            if last_seen is not None and now - int(last_seen) > idle_limit(user):
                logout(request)
                messages.info(
                    request,
                    _("You were signed out because the session was idle. Please sign in again."),
                )
                return redirect_to_login(request.get_full_path())
            if last_seen is None or now - int(last_seen) >= TOUCH_EVERY_SECONDS:
                request.session[LAST_SEEN_KEY] = now
        return self.get_response(request)
