from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from coopnet.core.errors import reported
from coopnet.core.guard import require

from . import selectors, services
from .forms import ApiTokenForm, EmailLanguageForm, SignInLockForm
from .models import ApiToken, User
from .requests import signed_in_user
from .sign_in_locks import sign_in_lock


def email_language(request: HttpRequest) -> HttpResponse:
    """A signed-in person chooses the language their emails are written in (their own account
    only, so no permission beyond signing in; the site's sign-in rule sends others to log in)."""
    user = signed_in_user(request)
    form = EmailLanguageForm(request.POST or None, initial={"language": user.language})
    if request.method == "POST" and form.is_valid():
        language = form.cleaned_data["language"]
        services.set_email_language(user=user, language=language)
        chosen = dict(form.fields["language"].choices)[language]  # type: ignore[attr-defined]
        messages.success(
            request, _("Your emails will be written in: %(language)s.") % {"language": chosen}
        )
        return redirect("site:dashboard")
    return render(
        request,
        "accounts/email_language.html",
        {"form": form, "heading": _("Language for emails")},
    )


def sign_in_locks(request: HttpRequest) -> HttpResponse:
    """Staff look up an account's lock after failed passwords, and lift it."""
    require(request.user, "accounts.unlock_sign_in")
    form = SignInLockForm(request.GET or None)
    account = lock = None
    if form.is_valid():
        account = selectors.account_with_email(form.cleaned_data["email"])
        if account is None:
            form.add_error("email", _("No account has this email address."))
        else:
            lock = sign_in_lock(request, account.email)
    return render(
        request,
        "accounts/sign_in_locks.html",
        {"form": form, "account": account, "lock": lock, "heading": _("Sign-in locks")},
    )


@require_POST
def unlock_sign_in(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "accounts.unlock_sign_in")
    account = get_object_or_404(User, pk=pk)
    lifted = services.unlock_sign_in(request=request, user=account, by=signed_in_user(request))
    if lifted is None:
        messages.info(
            request,
            _("%(email)s had no failed sign-in attempts to clear.") % {"email": account.email},
        )
    else:
        messages.success(
            request,
            _("Sign-in unlocked for %(email)s: %(n)s failed attempts cleared.")
            % {"email": account.email, "n": lifted.failures},
        )
    return redirect(
        reverse("account_settings:sign_in_locks") + "?" + urlencode({"email": account.email})
    )


@never_cache
def api_tokens(request: HttpRequest) -> HttpResponse:
    """A person's API tokens: make one (its key shown on this answer only) and revoke them.
    Staff who may revoke anyone's see every other live token too."""
    user = signed_in_user(request)
    form = ApiTokenForm(request.POST or None)
    key = made = None
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            made, key = services.api_token_create(
                user=user,
                name=form.cleaned_data["name"],
                scopes=form.cleaned_data["scopes"],
                lifetime_days=form.cleaned_data["lifetime"],
            )
        if outcome.ok:
            form = ApiTokenForm()
    others = (
        selectors.live_api_tokens_of_others(user)
        if user.has_perm("accounts.revoke_api_token")
        else None
    )
    return render(
        request,
        "accounts/api_tokens.html",
        {
            "form": form,
            "key": key,
            "made": made,
            "tokens": selectors.api_tokens_of(user),
            "others": others,
            "heading": _("API tokens"),
        },
    )


@require_POST
def api_token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    user = signed_in_user(request)
    token = get_object_or_404(ApiToken, pk=pk)
    require(user, "accounts.revoke_api_token", token)
    if services.api_token_revoke(token=token, by=user):
        messages.success(
            request,
            _("The API token “%(name)s” is revoked: it no longer works.") % {"name": token.name},
        )
    else:
        messages.info(
            request, _("The API token “%(name)s” was already revoked.") % {"name": token.name}
        )
    return redirect("account_settings:api_tokens")
