"""The page checks (layout, accessibility, GOV.UK errors) and sign-in helpers."""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser
from typing import cast

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.conf import settings
from django.urls import reverse
from django.utils.html import escape

from coopnet.accounts.models import User
from coopnet.members.tests.factories import UserFactory

PASSWORD = "correct horse battery staple"
NEW_PASSWORD = "a long and unusual passphrase"
DASHBOARD = "/dashboard/"


class PageParser(HTMLParser):
    """Collects what the accessibility checks need from a rendered page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.h1s: list[str] = []
        self.inputs: list[dict[str, str | None]] = []
        self.label_fors: set[str] = set()
        self.links: list[dict[str, object]] = []
        self._in_title = False
        self._h1_depth = 0
        self._h1_text: list[str] = []
        self._open_links: list[dict[str, object]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "title":
            self._in_title = True
        elif tag == "h1":
            self._h1_depth += 1
            self._h1_text = []
        elif tag in ("input", "textarea", "select"):
            self.inputs.append({"tag": tag, **a})
        elif tag == "label" and a.get("for"):
            self.label_fors.add(str(a["for"]))
        elif tag == "a":
            link: dict[str, object] = {"attrs": a, "text": ""}
            self.links.append(link)
            self._open_links.append(link)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "h1" and self._h1_depth:
            self._h1_depth -= 1
            self.h1s.append(" ".join("".join(self._h1_text).split()))
        elif tag == "a" and self._open_links:
            self._open_links.pop()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._h1_depth:
            self._h1_text.append(data)
        for link in self._open_links:
            link["text"] = str(link["text"]) + data


def parse(response) -> PageParser:
    parser = PageParser()
    parser.feed(response.content.decode())
    parser.title = " ".join(parser.title.split())
    return parser


def assert_govuk_page(response) -> PageParser:
    """The page is in our layout and passes the static accessibility checks."""
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="govuk-skip-link"' in html
    assert 'href="#main-content"' in html
    assert escape(settings.NETWORK_NAME) in html
    page = parse(response)
    assert page.title.endswith(f"– {settings.NETWORK_SHORT_NAME}"), page.title
    assert len(page.h1s) == 1, page.h1s
    assert 'class="govuk-heading-xl"' in html
    for field in page.inputs:
        kind = field.get("type") or "text"
        if field["tag"] == "input" and kind in ("hidden", "submit", "button"):
            continue
        assert field.get("id"), f"input without id: {field}"
        assert field["id"] in page.label_fors, f"input without label: {field}"
        if kind == "email":
            assert field.get("autocomplete") in ("email", "username"), field
        if kind == "password":
            assert field.get("autocomplete") in ("current-password", "new-password"), field
        assert "placeholder" not in field, field
    for link in page.links:
        attrs = link["attrs"]
        assert isinstance(attrs, dict)
        assert attrs.get("href"), f"link without href: {link}"
        assert str(link["text"]).strip() or attrs.get("aria-label"), f"empty link: {link}"
    # Every string on these pages is ours or allauth's; nothing leaks from a missing variable.
    assert "None" not in page.title
    return page


def assert_error_page(response, *field_ids: str, summary_first: bool = True) -> PageParser:
    """GOV.UK error pattern: summary linking to each field, inline message, "Error:" title."""
    page = assert_govuk_page(response)
    html = response.content.decode()
    assert page.title.startswith("Error:"), page.title
    assert 'class="govuk-error-summary"' in html
    assert 'data-module="govuk-error-summary"' in html
    assert "There is a problem" in html
    assert 'class="govuk-error-message"' in html
    assert '<span class="govuk-visually-hidden">Error:</span>' in html
    for field_id in field_ids:
        assert f'href="#{field_id}"' in html, f"summary does not link to {field_id}"
        assert f'id="{field_id}-error"' in html
        tag = re.search(rf'<input[^>]*id="{field_id}"[^>]*>', html)
        assert tag, f"no input {field_id}"
        assert "govuk-input--error" in tag.group(0)
        assert f"{field_id}-error" in tag.group(0)  # aria-describedby
    if summary_first:
        # Our pages put the summary at the top of the content, before the h1.
        assert html.index("govuk-error-summary") < html.index("<h1")
    return page


def sign_in(client, user, password: str = PASSWORD):
    """Sign in through allauth (not force_login) so the session counts as recently authenticated."""
    return client.post(reverse("account_login"), {"login": user.email, "password": password})


def reauthenticate(client, password: str = PASSWORD) -> None:
    """allauth asks for the password again before security changes (turning on an app...)."""
    response = client.post(reverse("account_reauthenticate"), {"password": password})
    assert response.status_code == 302


def current_code(secret: str) -> str:
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))


def sign_in_with_code(client, user: User, secret: str) -> None:
    assert sign_in(client, user)["Location"] == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})
    assert response["Location"] == DASHBOARD


def make_user() -> User:
    return cast(User, UserFactory())
