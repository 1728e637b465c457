"""One domain error for the whole project, and the one place it is turned into what a person sees.

Every app's error subclasses `DomainError` (``class FundingError(DomainError)``). A service raises
it with a message in the user's language and, when one field is at fault, that field's name. A view
catches it with `reported(form_or_request)`; an error that escapes a view is turned into a message
by `DomainErrorMiddleware`; the API turns it into its documented error shape in
`coopnet.core.api_errors.exception_handler`.
"""

from __future__ import annotations

from types import TracebackType
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest


class DomainError(Exception):
    """A rule of the network refused the request; `message` says which, for the person."""

    default_code = "invalid"

    def __init__(self, message: Any = "", *, field: str | None = None, code: str | None = None):
        super().__init__(message)
        self.message = str(message)
        self.field = field
        self.code = code or self.default_code

    def __str__(self) -> str:
        return self.message


class reported:
    """Run a service call; a `DomainError` becomes a form error (on its field when the form has
    it) or a message to the person, and `ok` says whether the call went through.

        with reported(form) as outcome:
            bid_submit(bid=bid, by=request.user)
        if outcome.ok:
            return redirect(bid)
    """

    def __init__(self, target: forms.BaseForm | HttpRequest):
        self.target = target
        self.error: DomainError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def __enter__(self) -> reported:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> bool:
        if exc is None or not isinstance(exc, DomainError):
            return False
        self.error = exc
        if isinstance(self.target, forms.BaseForm):
            field = exc.field if exc.field in self.target.fields else None
            self.target.add_error(field, exc.message)
        else:
            messages.error(self.target, exc.message)
        return True
