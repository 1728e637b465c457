"""Content-Security-Policy and Permissions-Policy on every page, and no template that needs an
exception: no inline script, no inline style in what browsers load (PDF and email templates are
rendered elsewhere and are left out)."""

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
# Rendered by WeasyPrint or sent as email, never served to a browser as a page.
NOT_PAGES = re.compile(r"(_pdf\.html$|/pack/|results_sheet\.html$|/emails?/|_email\.html$)")
INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>"
)
STYLE_ATTRIBUTE = re.compile(r"\sstyle=\"")


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/api/v1/docs/", "/does-not-exist/"])
def test_every_response_carries_both_policies(client, path):
    response = client.get(path)
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "geolocation=()" in response.headers["Permissions-Policy"]


def page_templates() -> list[Path]:
    return [
        p
        for p in ROOT.rglob("templates/**/*.html")
        if ".venv" not in p.parts and not NOT_PAGES.search(p.as_posix())
    ]


def test_no_page_template_has_an_inline_script_or_style_attribute():
    offenders = []
    for template in page_templates():
        text = template.read_text(encoding="utf-8")
        if INLINE_SCRIPT.search(text) or STYLE_ATTRIBUTE.search(text) or "<style" in text:
            offenders.append(str(template.relative_to(ROOT)))
    assert page_templates(), "the scan found no templates"
    assert offenders == []
