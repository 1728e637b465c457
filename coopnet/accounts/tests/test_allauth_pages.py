"""django-allauth's pages (account and MFA) in the site layout, in GOV.UK Frontend markup.

Every page renders in base.html (skip link, network name), has one h1, labels every input, gives
email and password inputs an autocomplete value and has no empty links. Forms with errors show a
GOV.UK error summary linking to the fields, inline error messages and an "Error:" page title.
"""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser
from typing import cast

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.urls import reverse
from django.utils.html import escape

from coopnet.accounts.models import User
from coopnet.members.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
NEW_PASSWORD = "a long and unusual passphrase"
DASHBOARD = "/dashboard/"


# --- helpers ----------------------------------------------------------------------------------


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


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    # allauth remembers used TOTP codes and rate limits in the cache.
    cache.clear()
    # A code made at the very end of a 30-second step still works a moment later.
    settings.MFA_TOTP_TOLERANCE = 1
    yield
    cache.clear()


def make_user() -> User:
    return cast(User, UserFactory())


@pytest.fixture
def user(db) -> User:
    return make_user()


@pytest.fixture
def totp_secret() -> str:
    return generate_totp_secret()


@pytest.fixture
def mfa_user(db, totp_secret) -> User:
    """Someone who has set up an authenticator app (and so has recovery codes)."""
    user = make_user()
    TOTP.activate(user, totp_secret)
    RecoveryCodes.activate(user)
    return user


# --- every page renders in the layout -----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("account_login", {}),
        ("account_signup", {}),
        ("account_reset_password", {}),
        ("account_reset_password_done", {}),
        ("account_reset_password_from_key_done", {}),
        ("account_inactive", {}),
        ("account_reset_password_from_key", {"uidb36": "zz", "key": "not-a-real-key"}),
        ("account_confirm_email", {"key": "not-a-real-key"}),
    ],
)
def test_anonymous_pages_render_in_the_layout(client, name, kwargs):
    response = client.get(reverse(name, kwargs=kwargs))
    page = assert_govuk_page(response)
    assert not page.title.startswith("Error:")


def test_sign_in_page_wording_and_fields(client):
    response = client.get(reverse("account_login"))
    page = assert_govuk_page(response)
    html = response.content.decode()
    assert page.h1s == ["Sign in"]
    assert page.title.startswith("Sign in")
    assert 'class="govuk-input"' in html
    assert 'type="email"' in html
    assert 'autocomplete="current-password"' in html
    assert 'class="govuk-checkboxes__input"' in html
    assert 'data-module="govuk-checkboxes"' in html
    assert 'class="govuk-button"' in html
    assert reverse("account_signup") in html
    assert "Create an account" not in page.h1s
    assert "create an account" in html
    assert "Forgotten your password?" in html


def test_invalid_reset_and_confirmation_links_say_so(client):
    response = client.get(reverse("account_reset_password_from_key", args=["zz", "bad"]))
    assert parse(response).h1s == ["This link does not work"]
    response = client.get(reverse("account_confirm_email", args=["bad"]))
    assert parse(response).h1s == ["This link does not work"]


@pytest.mark.parametrize(
    "name",
    [
        "account_logout",
        "account_change_password",
        "account_email",
        "account_reauthenticate",
        "mfa_index",
        "mfa_activate_totp",
    ],
)
def test_signed_in_pages_render_in_the_layout(client, user, name):
    assert sign_in(client, user).status_code == 302
    reauthenticate(client)
    response = client.get(reverse(name))
    assert_govuk_page(response)
    # Account-management pages have breadcrumbs back to the account page.
    if name not in ("account_reauthenticate",):
        assert 'class="govuk-breadcrumbs"' in response.content.decode()


@pytest.mark.parametrize(
    "name",
    [
        "mfa_index",
        "mfa_deactivate_totp",
        "mfa_view_recovery_codes",
        "mfa_generate_recovery_codes",
        "mfa_reauthenticate",
    ],
)
def test_mfa_pages_render_for_a_user_with_an_authenticator_app(client, mfa_user, totp_secret, name):
    sign_in_with_code(client, mfa_user, totp_secret)
    reauthenticate(client)
    response = client.get(reverse(name))
    assert_govuk_page(response)


def test_set_password_page_for_a_user_without_one(client):
    user = make_user()
    user.set_unusable_password()
    user.save()
    client.force_login(user)
    response = client.get(reverse("account_set_password"))
    page = assert_govuk_page(response)
    assert page.h1s == ["Set a password"]
    assert 'autocomplete="new-password"' in response.content.decode()


def test_set_password_redirects_to_change_when_there_is_one(client, user):
    client.force_login(user)
    response = client.get(reverse("account_set_password"))
    assert response.status_code == 302
    assert response["Location"] == reverse("account_change_password")


def test_email_page_lists_addresses_as_govuk_radios(client, user):
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    client.force_login(user)
    response = client.get(reverse("account_email"))
    assert_govuk_page(response)
    html = response.content.decode()
    assert 'class="govuk-radios__input"' in html
    assert user.email in html
    assert "govuk-tag--green" in html


def test_email_confirmation_page_for_a_real_key(client, user):
    address = EmailAddress.objects.create(user=user, email=user.email, primary=True)
    from allauth.account.models import EmailConfirmationHMAC

    key = EmailConfirmationHMAC(address).key
    response = client.get(reverse("account_confirm_email", args=[key]))
    page = assert_govuk_page(response)
    assert page.h1s == ["Confirm your email address"]
    response = client.post(reverse("account_confirm_email", args=[key]))
    assert response.status_code == 302
    address.refresh_from_db()
    assert address.verified


# --- signing in and out -------------------------------------------------------------------------


def test_failed_sign_in_shows_the_error_summary_and_error_title(client, user):
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": "not the password"}
    )
    assert response.status_code == 200
    assert_error_page(response, "id_login")
    assert "_auth_user_id" not in client.session


def test_sign_in_with_nothing_entered_shows_field_errors(client):
    response = client.post(reverse("account_login"), {"login": "", "password": ""})
    assert_error_page(response, "id_login", "id_password")


def test_successful_sign_in_goes_to_the_dashboard(client, user):
    response = sign_in(client, user)
    assert response.status_code == 302
    assert response["Location"] == DASHBOARD
    assert int(client.session["_auth_user_id"]) == user.pk


def test_sign_out_asks_then_signs_out(client, user):
    client.force_login(user)
    response = client.get(reverse("account_logout"))
    page = assert_govuk_page(response)
    assert page.h1s == ["Sign out"]
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_anonymous_people_are_sent_to_sign_in_for_account_pages(client):
    for name in ("mfa_index", "account_email", "account_change_password"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
        assert "next=" in response["Location"]


# --- signing up ---------------------------------------------------------------------------------


def test_sign_up_page(client):
    response = client.get(reverse("account_signup"))
    page = assert_govuk_page(response)
    assert page.h1s == ["Create an account"]
    assert response.content.decode().count('autocomplete="new-password"') == 2


def test_sign_up_with_mismatched_passwords_shows_field_errors(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "new.person@example.org", "password1": NEW_PASSWORD, "password2": "different"},
    )
    assert_error_page(response, "id_password2")
    assert not EmailAddress.objects.filter(email="new.person@example.org").exists()


def test_sign_up_with_a_weak_password_and_bad_email(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "not-an-email", "password1": "123", "password2": "123"},
    )
    assert_error_page(response, "id_email", "id_password1")


def test_sign_up_creates_an_account(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "new.person@example.org", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert EmailAddress.objects.filter(email="new.person@example.org").exists()


def test_sign_up_closed_page(client, settings):
    settings.ACCOUNT_ALLOW_SIGNUP = False
    response = client.get(reverse("account_signup"))
    page = assert_govuk_page(response)
    assert page.h1s == ["You cannot create an account"]


# --- passwords ----------------------------------------------------------------------------------


def test_password_reset_sends_an_email_for_a_known_address(client, user):
    response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_reset_password_done")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_password_reset_does_not_reveal_whether_an_address_has_an_account(client, user):
    known = client.post(reverse("account_reset_password"), {"email": user.email}, follow=True)
    unknown = client.post(
        reverse("account_reset_password"), {"email": "nobody@example.org"}, follow=True
    )
    assert known.redirect_chain == unknown.redirect_chain
    assert_govuk_page(known)
    assert_govuk_page(unknown)
    assert parse(known).h1s == parse(unknown).h1s == ["Check your email"]
    known_main = re.search(r"<main.*</main>", known.content.decode(), re.S)
    unknown_main = re.search(r"<main.*</main>", unknown.content.decode(), re.S)
    assert known_main
    assert unknown_main
    assert known_main.group(0) == unknown_main.group(0)
    # No reset link goes to an address without an account.
    assert all(
        "/accounts/password/reset/key/" not in m.body
        for m in mail.outbox
        if m.to == ["nobody@example.org"]
    )


def test_password_reset_with_a_bad_address_shows_an_error(client):
    response = client.post(reverse("account_reset_password"), {"email": "not-an-email"})
    assert_error_page(response, "id_email")


def test_password_reset_link_lets_the_person_choose_a_new_password(client, user):
    client.post(reverse("account_reset_password"), {"email": user.email})
    body = str(mail.outbox[0].body)
    link = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+/)", body)
    assert link
    response = client.get(link.group(1), follow=True)
    page = assert_govuk_page(response)
    assert page.h1s == ["Create a new password"]
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link.group(1)
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": "different"})
    assert_error_page(response, "id_password2")
    response = client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_password_change_with_a_wrong_current_password(client, user):
    client.force_login(user)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": "wrong", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert_error_page(response, "id_oldpassword")


def test_password_change_works(client, user):
    client.force_login(user)
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)


def test_reauthenticate_with_a_wrong_password(client, user):
    client.force_login(user)
    response = client.post(reverse("account_reauthenticate"), {"password": "wrong"})
    assert_error_page(response, "id_password")


# --- two-step verification ----------------------------------------------------------------------


def test_mfa_index_requires_sign_in(client):
    response = client.get(reverse("mfa_index"))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={reverse('mfa_index')}"


def test_setting_up_an_authenticator_app(client, user):
    sign_in(client, user)
    reauthenticate(client)
    response = client.get(reverse("mfa_activate_totp"))
    page = assert_govuk_page(response)
    assert page.h1s == ["Set up an authenticator app"]
    html = response.content.decode()
    assert 'src="data:image/svg+xml' in html
    assert 'autocomplete="one-time-code"' in html
    response = client.post(reverse("mfa_activate_totp"), {"code": "000000"})
    assert_error_page(response, "id_code")
    secret = client.session["mfa.totp.secret"]
    response = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    response = client.get(reverse("mfa_index"))
    assert "govuk-summary-list" in response.content.decode()
    assert_govuk_page(client.get(reverse("mfa_view_recovery_codes")))


def test_setting_up_an_app_asks_for_the_password_again(client, user):
    sign_in(client, user)
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    page = assert_govuk_page(client.get(response["Location"]))
    assert page.h1s == ["Confirm it’s you"]
    response = client.post(response["Location"], {"password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_signing_in_with_an_authenticator_app(client, mfa_user, totp_secret):
    response = sign_in(client, mfa_user)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    response = client.get(reverse("mfa_authenticate"))
    page = assert_govuk_page(response)
    assert page.h1s == ["Two-step verification"]
    html = response.content.decode()
    assert 'autocomplete="one-time-code"' in html
    assert 'inputmode="numeric"' in html
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert response.status_code == 200
    assert_error_page(response, "id_code")
    response = client.post(reverse("mfa_authenticate"), {"code": current_code(totp_secret)})
    assert response.status_code == 302
    assert response["Location"] == DASHBOARD
    assert int(client.session["_auth_user_id"]) == mfa_user.pk


def test_turning_off_the_authenticator_app(client, mfa_user, totp_secret):
    sign_in_with_code(client, mfa_user, totp_secret)
    reauthenticate(client)
    response = client.get(reverse("mfa_deactivate_totp"))
    page = assert_govuk_page(response)
    assert page.h1s == ["Turn off your authenticator app"]
    assert "govuk-button--warning" in response.content.decode()
    response = client.post(reverse("mfa_deactivate_totp"))
    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=mfa_user, type=Authenticator.Type.TOTP).exists()


# --- in a real browser, with axe-core -----------------------------------------------------------


@pytest.mark.browser
def test_sign_in_pages_pass_axe_in_a_browser(browser_page, user):
    bp = browser_page.visit("/accounts/login/")
    bp.page.get_by_label("Email").first.fill(user.email)
    bp.page.get_by_label("Password").first.fill("wrong password")
    bp.submit("Sign in")
    assert bp.page.title().startswith("Error:")
    # GOV.UK Frontend's error summary takes focus.
    assert bp.page.evaluate("document.activeElement.classList.contains('govuk-error-summary')")
    bp.visit("/accounts/signup/")
    bp.page.get_by_label("Email").first.fill("someone@example.org")
    bp.page.get_by_label("Create a password").fill(NEW_PASSWORD)
    bp.page.get_by_label("Confirm password").fill("different")
    bp.submit("Create account")
    assert bp.page.title().startswith("Error:")
    bp.visit("/accounts/password/reset/")
    bp.page.get_by_label("Email").fill(user.email)
    bp.submit("Send reset link")
    assert "Check your email" in bp.page.title()
    bp.sign_in(user.email, PASSWORD)
    assert bp.page.url.endswith(DASHBOARD)
    for path in (
        "/accounts/2fa/",
        "/accounts/password/change/",
        "/accounts/email/",
        "/accounts/logout/",
    ):
        bp.visit(path)
    # Setting up an app: password again, then the QR code page, then a wrong code. (allauth
    # wants every address confirmed first; the reset above recorded this one unconfirmed.)
    EmailAddress.objects.filter(user=user).update(verified=True)
    bp.visit("/accounts/2fa/totp/activate/")
    bp.page.get_by_label("Enter your password").fill(PASSWORD)
    bp.submit("Continue")
    assert bp.page.url.endswith("/accounts/2fa/totp/activate/")
    bp.page.get_by_label("Code from your authenticator app").fill("000000")
    bp.submit("Turn on two-step verification")
    assert bp.page.title().startswith("Error:")


# --- allauth's elements, for pages we have not rewritten ----------------------------------------


ELEMENTS_PAGE = """{% extends "allauth/layouts/entrance.html" %}{% load allauth %}
{% block head_title %}Elements{% endblock %}
{% block content %}
  {% element h1 %}Elements{% endelement %}
  {% element p %}Some text.{% endelement %}
  {% element form form=form method="post" action="/somewhere/" %}
    {% slot body %}{% element fields form=form unlabeled=True %}{% endelement %}{% endslot %}
    {% slot actions %}
      {% element button type="submit" %}Continue{% endelement %}
      {% element button href="/elsewhere/" tags="outline" %}Elsewhere{% endelement %}
      {% element button type="submit" form="other" tags="link,cancel" %}Cancel{% endelement %}
      {% element button type="submit" tags="danger,delete" %}Delete{% endelement %}
    {% endslot %}
  {% endelement %}
  {% element field type="checkbox" id="agree" name="agree" %}
    {% slot label %}I agree{% endslot %}
  {% endelement %}
  {% element alert %}{% slot message %}Take note.{% endslot %}{% endelement %}
  {% element badge tags="success" %}Done{% endelement %}
{% endblock %}
"""


def test_allauth_elements_render_govuk_markup(rf):
    from allauth.account.forms import ResetPasswordForm
    from django.contrib.auth.models import AnonymousUser
    from django.template import RequestContext, Template, engines
    from django.template.base import Origin

    request = rf.get("/accounts/somewhere/")
    request.user = AnonymousUser()
    form = ResetPasswordForm(data={"email": "not-an-email"})
    assert not form.is_valid()
    engine = engines["django"].engine
    # allauth finds the layout from the names of the templates in the {% extends %} chain.
    origin = Origin("elements_test.html", template_name="elements_test.html")
    template = Template(ELEMENTS_PAGE, origin=origin, engine=engine)
    html = template.render(RequestContext(request, {"form": form}))

    class Rendered:
        status_code = 200
        content = html.encode()

    # Pages drawn with allauth's elements get the summary at the top of the form.
    assert_error_page(Rendered, "id_email", summary_first=False)
    assert html.index("govuk-error-summary") < html.index('action="/somewhere/"')
    assert '<h1 class="govuk-heading-xl">Elements</h1>' in html
    assert '<p class="govuk-body">Some text.</p>' in html
    assert '<div class="govuk-button-group">' in html
    assert re.search(r'<a href="/elsewhere/"\s+role="button"', html)
    assert "govuk-button govuk-button--secondary" in html
    assert "govuk-button govuk-button--warning" in html
    assert 'class="govuk-link coopnet-link-button"' in html
    assert 'class="govuk-checkboxes__input"' in html
    assert 'class="govuk-inset-text"' in html
    assert "govuk-tag govuk-tag--green" in html
    assert "novalidate" in html
