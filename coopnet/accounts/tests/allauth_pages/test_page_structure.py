"""Every allauth page renders in the layout; allauth's elements render GOV.UK markup."""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from coopnet.accounts.tests.allauth_pages.helpers import (
    DASHBOARD,
    NEW_PASSWORD,
    PASSWORD,
    assert_error_page,
    assert_govuk_page,
    make_user,
    parse,
    reauthenticate,
    sign_in,
    sign_in_with_code,
)

pytestmark = pytest.mark.django_db


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


def test_sign_in_page_wording_and_fields(client, settings):
    settings.ACCOUNT_ALLOW_SIGNUP = True
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


# --- in a real browser, with axe-core -----------------------------------------------------------


@pytest.mark.browser
def test_sign_in_pages_pass_axe_in_a_browser(browser_page, user, settings):
    settings.ACCOUNT_ALLOW_SIGNUP = True
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
