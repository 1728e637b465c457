"""What an operator reads when something goes wrong: every response names its request's id, every
log line is a JSON object naming the same id, and a server error reaches Sentry (when configured)
tagged with that id and without the person's data. The settings are the real ones, loaded in a
fresh Python process, as gunicorn and the task worker load them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest
from django.test import Client

from coopnet.core.observability import logging_config, parse_admins

ROOT = Path(__file__).resolve().parents[3]


def _python(code: str, **env: str | None) -> subprocess.CompletedProcess[str]:
    """Run `code` in a new process with the project's settings; an env value of None unsets it."""
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", **env}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        env={name: value for name, value in environment.items() if value is not None},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def _json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


@pytest.mark.django_db
def test_every_response_names_its_request_id_and_keeps_a_well_formed_one_from_the_proxy():
    client = Client()
    first = client.get("/accessibility/").headers["X-Request-ID"]
    second = client.get("/accessibility/").headers["X-Request-ID"]
    assert uuid.UUID(first)
    assert first != second

    sent = "6f1c2a50-6a3b-4a55-9b1f-0e1d2c3b4a59"
    assert (
        client.get("/accessibility/", headers={"X-Request-ID": sent}).headers["X-Request-ID"]
        == sent
    )
    # Anything else a client sends is not trusted into the logs: a new id is made.
    forged = client.get("/accessibility/", headers={"X-Request-ID": '"}<script>'})
    assert forged.headers["X-Request-ID"] != '"}<script>'
    assert uuid.UUID(forged.headers["X-Request-ID"])


def test_log_lines_are_json_naming_the_request_they_came_from():
    run = _python(
        """
        import django; django.setup()
        import logging
        from django.test import Client
        from django.test.utils import setup_test_environment
        setup_test_environment()
        logging.getLogger("coopnet.finance").warning(
            "Invoice %s not sent", "INV-7", extra={"invoice": "INV-7"}
        )
        response = Client().get("/no-such-page/", headers={"X-Request-ID": "REQUEST_ID"})
        print("status", response.status_code)
        """.replace("REQUEST_ID", "0d9c6a3e-2f1b-4c5d-8e7f-112233445566"),
        LOG_FORMAT="json",
    )
    lines = _json_lines(run.stderr)
    invoice = next(line for line in lines if line["logger"] == "coopnet.finance")
    assert invoice["level"] == "WARNING"
    assert invoice["message"] == "Invoice INV-7 not sent"
    assert invoice["invoice"] == "INV-7"
    assert invoice["request_id"] is None  # written outside any request
    assert invoice["time"].endswith("+00:00")
    not_found = next(line for line in lines if line["logger"] == "django.request")
    assert not_found["request_id"] == "0d9c6a3e-2f1b-4c5d-8e7f-112233445566"
    assert not_found["status_code"] == 404
    assert "request" not in not_found  # the request object is not dumped into the log


def test_developers_read_text_and_a_wrong_format_is_refused_by_name():
    run = _python(
        """
        import django; django.setup()
        import logging
        logging.getLogger("coopnet").warning("hello")
        """,
        DJANGO_SETTINGS_MODULE="config.settings.local",
        LOG_FORMAT=None,
    )
    assert "WARNING [None] coopnet: hello" in run.stderr
    assert not _json_lines(run.stderr)
    with pytest.raises(ValueError, match="LOG_FORMAT must be 'json' or 'text', not 'xml'"):
        logging_config("xml", "INFO")


def test_admins_who_are_emailed_server_errors_come_from_one_setting():
    assert parse_admins("Ops team <ops@example.org>, it@example.org") == [
        ("Ops team", "ops@example.org"),
        ("it@example.org", "it@example.org"),
    ]
    assert parse_admins("") == []


def test_a_server_error_reaches_sentry_tagged_with_its_request_id_and_without_personal_data():
    run = _python(
        """
        import json
        import django; django.setup()
        from django.test import Client, override_settings
        from django.test.utils import setup_test_environment
        from sentry_sdk.transport import Transport
        from coopnet.core.observability import init_error_reporting

        events = []

        class Kept(Transport):
            def capture_envelope(self, envelope):
                events.extend(item.payload.json for item in envelope.items if item.payload.json)

        setup_test_environment()
        assert init_error_reporting("https://key@errors.example.invalid/1", transport=Kept)
        with override_settings(ROOT_URLCONF="coopnet.core.tests.observability_urls"):
            client = Client(raise_request_exception=False)
            client.cookies["tracking"] = "secret-cookie-value"
            response = client.get(
                "/fails/?email=ada@example.org", headers={"X-Request-ID": "REQUEST_ID"}
            )
        import sentry_sdk
        sentry_sdk.flush()
        print(json.dumps({"status": response.status_code, "events": events}))
        """.replace("REQUEST_ID", "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d"),
        LOG_FORMAT="json",
    )
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["status"] == 500
    errors = [event for event in result["events"] if event.get("exception")]
    assert len(errors) == 1
    error = errors[0]
    assert error["exception"]["values"][-1]["type"] == "RuntimeError"
    assert error["tags"]["request_id"] == "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d"
    sent = json.dumps(error)
    assert "secret-cookie-value" not in sent
    assert "ada@example.org" not in sent


def test_without_a_dsn_nothing_is_sent():
    from coopnet.core.observability import init_error_reporting

    assert init_error_reporting("") is False


def test_the_admins_named_in_the_environment_are_emailed_a_server_error():
    run = _python(
        """
        import django; django.setup()
        from django.core import mail
        from django.test import Client, override_settings
        from django.test.utils import setup_test_environment
        setup_test_environment()
        with override_settings(ROOT_URLCONF="coopnet.core.tests.observability_urls"):
            response = Client(raise_request_exception=False).get("/fails/")
        print(response.status_code, [message.to for message in mail.outbox])
        print([message.subject for message in mail.outbox])
        """,
        ADMINS="Ops team <ops@example.org>",
        LOG_FORMAT="json",
    )
    status, subjects = run.stdout.strip().splitlines()[-2:]
    assert status == "500 [['ops@example.org']]"
    assert "Internal Server Error: /fails/" in subjects
