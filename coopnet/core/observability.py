"""Logs and error reports an operator can search: one JSON object per line, each carrying the id
of the request it came from, and errors sent to the people or the service the installation names.

Read by the settings (`config/settings/base.py`), so this module imports nothing of Django's models.

- Every request gets an id (django-guid's middleware): the one a proxy sent in `X-Request-ID` when
  it is a well-formed UUID, else a new one. The response carries it back in `X-Request-ID`, every
  log line written while the request runs names it (`request_id`), and so does its error report.
- `LOG_FORMAT=json` (the default) writes JSON lines (python-json-logger); `text` is for people
  reading a terminal (the development settings).
- Errors: `ADMINS` are emailed Django's report of a server error (Django's own `mail_admins`
  handler); when `SENTRY_DSN` is set, errors also go to Sentry without personal data (no cookies,
  no user's email or address, no request body).
"""

from __future__ import annotations

import logging
from email.utils import getaddresses
from typing import Any

from pythonjsonlogger.json import JsonFormatter as _JsonFormatter

REQUEST_ID_HEADER = "X-Request-ID"

# Attributes a log record may carry that are objects, not facts: Django's request logger attaches
# the request itself (its path is already in the message) and the server its socket.
_NOT_LOGGED = ("request", "server_time")


class JsonFormatter(_JsonFormatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, request_id, and
    whatever the caller passed in `extra` (a status code, an invoice number)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("fmt", "%(levelname)s %(name)s %(message)s %(request_id)s")
        kwargs.setdefault("rename_fields", {"levelname": "level", "name": "logger"})
        kwargs.setdefault("timestamp", "time")
        kwargs.setdefault("json_ensure_ascii", False)
        super().__init__(*args, **kwargs)

    def add_fields(
        self, log_data: dict[str, Any], record: logging.LogRecord, message_dict: dict[str, Any]
    ) -> None:
        super().add_fields(log_data, record, message_dict)
        for name in _NOT_LOGGED:
            log_data.pop(name, None)


def logging_config(log_format: str, level: str) -> dict[str, Any]:
    """The `LOGGING` setting: everything to standard error, as JSON lines or as text."""
    if log_format not in ("json", "text"):
        raise ValueError(f"LOG_FORMAT must be 'json' or 'text', not {log_format!r}.")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_id": {
                "()": "django_guid.log_filters.CorrelationId",
                "correlation_id_field": "request_id",
            },
        },
        "formatters": {
            "json": {"()": "coopnet.core.observability.JsonFormatter"},
            "text": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "filters": ["request_id"],
                "formatter": log_format,
            },
        },
        "root": {"handlers": ["console"], "level": level},
        # The request-id middleware's own chatter ("setting the id to ...") is noise at INFO.
        # WeasyPrint narrates each step of every PDF at INFO.
        "loggers": {
            "django_guid": {"level": "WARNING"},
            "weasyprint.progress": {"level": "WARNING"},
            "fontTools": {"level": "WARNING"},
        },
    }


def parse_admins(value: str) -> list[tuple[str, str]]:
    """`ADMINS="Ops <ops@example.org>, it@example.org"` as Django's list of (name, address)."""
    return [(name or address, address) for name, address in getaddresses([value]) if address]


def _tag_request_id(event: dict[str, Any], hint: dict[str, Any]) -> dict[str, Any]:
    from django_guid import get_guid

    request_id = get_guid()
    if request_id:
        event.setdefault("tags", {})["request_id"] = request_id
    return event


def init_error_reporting(
    dsn: str,
    *,
    environment: str = "production",
    release: str | None = None,
    traces_sample_rate: float = 0.0,
    transport: Any = None,
) -> bool:
    """Send errors to Sentry when a DSN is given; returns whether it is on. No personal data is
    sent: `send_default_pii` off (no cookies, user's email or address), no request bodies, and no
    local variables in the stack frames (they hold whatever the code held: a form's cleaned data,
    a person, the request with its query string)."""
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    options: dict[str, Any] = {
        "dsn": dsn,
        "integrations": [DjangoIntegration()],
        "send_default_pii": False,
        "max_request_body_size": "never",
        "include_local_variables": False,
        "environment": environment,
        "release": release,
        "traces_sample_rate": traces_sample_rate,
        "before_send": _tag_request_id,
    }
    if transport is not None:
        options["transport"] = transport
    sentry_sdk.init(**options)
    return True
