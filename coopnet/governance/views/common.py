"""Helpers shared by governance views: permission checks and turning refusals into errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from ..errors import GovernanceError
from ..models import Meeting

MANAGE = "governance.manage_governance"


def refusal(request: HttpRequest) -> HttpResponse:
    """Send a visitor to sign in; tell someone signed in they may not (403)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


def require(request: HttpRequest, perm: str, obj: Any = None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def managed_meeting(request: HttpRequest, pk: int) -> Meeting:
    require(request, MANAGE)
    return get_object_or_404(Meeting, pk=pk)


def attempt(form: forms.Form, write: Callable[[], Any]) -> Any:
    """Run a service; a refusal becomes the form's error (shown in the error summary)."""
    try:
        return write()
    except GovernanceError as exc:
        form.add_error(None, str(exc))
    except PermissionError as exc:
        raise PermissionDenied from exc
    return None


def attempt_message(request: HttpRequest, write: Callable[[], Any], done: str) -> bool:
    """Run a service from a button; report its refusal or success as a message."""
    try:
        write()
    except GovernanceError as exc:
        messages.error(request, str(exc))
        return False
    except PermissionError as exc:
        raise PermissionDenied from exc
    messages.success(request, done)
    return True


def form_page(
    request: HttpRequest,
    form: forms.Form,
    write: Callable[[dict[str, Any]], Any],
    *,
    done: Callable[[Any], str] | str,
    then: Callable[[Any], Any] | Any,
    template: str = "governance/form.html",
    **context: Any,
) -> HttpResponse:
    """Render a form; on a valid POST call the service with the cleaned data. A refusal shows in
    the error summary; success sets a message and redirects (`then`: a URL, object or callable)."""
    if request.method == "POST" and form.is_valid():
        result = attempt(form, lambda: write(form.cleaned_data))
        if result:
            messages.success(request, done(result) if callable(done) else done)
            return redirect(then(result) if callable(then) else then)
    return render(request, template, {"form": form, **context})
