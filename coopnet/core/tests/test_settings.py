"""Production settings refuse to start insecurely; the deploy check is clean."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SECRET_KEY", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    environment.update({"DJANGO_SETTINGS_MODULE": "config.settings.production", **env})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = manage("check", SECRET_KEY="too-short")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_deploy_check_is_clean_with_production_settings():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=secrets.token_urlsafe(64)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_without_a_settings_module_manage_py_is_production():
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SECRET_KEY", "DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_wsgi_defaults_to_production_settings():
    text = (ROOT / "config" / "wsgi.py").read_text()
    assert '"config.settings.production"' in text
    assert "settings.local" not in text


def test_the_demo_serves_without_debug_pages_and_keeps_its_key(tmp_path):
    result = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DEBUG, len(settings.SECRET_KEY))",
        DJANGO_SETTINGS_MODULE="config.settings.demo",
        SECRET_KEY_FILE=str(tmp_path / "key"),
    )
    assert result.returncode == 0, result.stderr
    debug, length = result.stdout.splitlines()[-1].split()
    assert debug == "False"
    assert int(length) >= 50
    again = manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.SECRET_KEY)",
        DJANGO_SETTINGS_MODULE="config.settings.demo",
        SECRET_KEY_FILE=str(tmp_path / "key"),
    )
    kept = (tmp_path / "key").read_text().strip()
    assert len(kept) >= 50
    assert again.stdout.splitlines()[-1] == kept  # the same key on the second start
