"""One submission, one record: the idempotency key of the forms that move money.

A form with `OnceFormMixin` carries a fresh random key in a hidden field each time it is shown.
The service that records what the form says calls `claim(key, action)` inside its transaction:
the key is written with the record, so twenty presses of the same button (or a reload, or the
browser's back button and Send again) record one payment and refuse the rest with
`AlreadySubmitted`. If the service refuses the request for another reason, its transaction rolls
the key back too, and the person can correct the form and send it again.
"""

from __future__ import annotations

import secrets
from typing import Any

from django import forms
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from .errors import DomainError
from .models import FormSubmission

FIELD = "submission_key"


class AlreadySubmitted(DomainError):
    default_code = "already_submitted"


class OnceFormMixin:
    """A hidden `submission_key`: new each time the form is shown, sent back with it."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[FIELD] = forms.CharField(
            required=False,
            max_length=64,
            widget=forms.HiddenInput,
            initial=secrets.token_urlsafe(24),
        )


def claim(key: str, action: str) -> None:
    """Record that the submission `key` has been acted on; `AlreadySubmitted` if it was before.
    Call inside the transaction that writes what the submission records. An empty key (a caller
    without a form: the API, a command) claims nothing."""
    if not key:
        return
    try:
        with transaction.atomic():
            FormSubmission.objects.create(key=key[:64], action=action)
    except IntegrityError:
        raise AlreadySubmitted(
            _("This form was already sent and has been recorded; it was not recorded again.")
        ) from None
