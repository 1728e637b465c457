"""Helpers shared by governance views: the permission check and the form page.

A refusal raised by a service (`coopnet.core.guard.Refused`) is a `PermissionDenied`, so it
answers 403 without being caught here; a `GovernanceError` is shown through
`coopnet.core.errors.reported`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from coopnet.core import guard
from coopnet.core.errors import reported

from ..models import Meeting

MANAGE = "governance.manage_governance"


def require(request: HttpRequest, perm: str, obj: Any = None) -> None:
    """The request's user must hold `perm` (403 otherwise): `coopnet.core.guard.require`."""
    guard.require(request.user, perm, obj)


def managed_meeting(request: HttpRequest, pk: int) -> Meeting:
    require(request, MANAGE)
    return get_object_or_404(Meeting, pk=pk)


def attempt(form: forms.Form, write: Callable[[], Any]) -> Any:
    """Run a service; its domain error becomes the form's error (shown in the error summary)."""
    result = None
    with reported(form) as outcome:
        result = write()
    return result if outcome.ok else None


def attempt_message(
    request: HttpRequest, write: Callable[[], Any], done: Callable[[Any], str] | str
) -> bool:
    """Run a service from a button; report its domain error or its success as a message
    (`done` may be a function of what the service returned)."""
    result = None
    with reported(request) as outcome:
        result = write()
    if outcome.ok:
        messages.success(request, done(result) if callable(done) else done)
    return outcome.ok


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
    """Render a form; on a valid POST call the service with the cleaned data. A domain error
    shows in the error summary; success sets a message and redirects (`then`: a URL, object or
    callable)."""
    if request.method == "POST" and form.is_valid():
        result = attempt(form, lambda: write(form.cleaned_data))
        if result:
            messages.success(request, done(result) if callable(done) else done)
            return redirect(then(result) if callable(then) else then)
    return render(request, template, {"form": form, **context})
