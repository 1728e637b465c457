from __future__ import annotations

from django.http import HttpRequest

from coopnet.accounts.models import User


def signed_in_user(request: HttpRequest) -> User:
    """The request's user, typed: LoginRequiredMiddleware has turned anonymous users away."""
    user = request.user
    assert isinstance(user, User), "view is not marked login_not_required, so a user is signed in"
    return user
