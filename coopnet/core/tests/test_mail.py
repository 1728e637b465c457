"""The one email renderer: plain text, no HTML escaping, a one-line subject."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopnet.core.mail import render_email

CODE = Path(__file__).resolve().parents[2]


@pytest.fixture
def email_templates(tmp_path, settings):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "x_subject.txt").write_text("Welcome to {{ name }}\n\n  and {{ other }}\n")
    (tmp_path / "t" / "x_message.txt").write_text("Dear {{ person }},\n{{ name }}\n")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]


def test_subject_and_body_are_not_html_escaped(email_templates):
    subject, body = render_email(
        "t/x", {"name": "Co-operative Councils' V&P", "other": "<b>", "person": "O'Brien"}
    )
    assert subject == "Welcome to Co-operative Councils' V&P and <b>"
    assert body == "Dear O'Brien,\nCo-operative Councils' V&P\n"


def test_every_email_task_renders_through_the_one_renderer():
    """No module sends an email from a template rendered with HTML escaping."""
    offenders = [
        str(path.relative_to(CODE))
        for path in CODE.rglob("*.py")
        if "tests" not in path.parts
        and "_subject.txt" in path.read_text()
        and "render_to_string" in path.read_text()
    ]
    assert offenders == []
