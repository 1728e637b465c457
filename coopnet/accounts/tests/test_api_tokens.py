"""API tokens: made by a person on their account page and shown once, read-only, limited to their
scopes and to what their owner may see, revocable at once, expiring after the time chosen; and the
API's rate limits."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import dateformat, timezone

from coopnet.accounts import services
from coopnet.accounts.errors import AccountsError
from coopnet.accounts.models import ApiToken
from coopnet.core.models import AuditEntry

pytestmark = pytest.mark.django_db

MINE = "/api/v1/my/event-registrations/"  # signed-in only: the caller's own bookings
PUBLIC_EVENTS = "/api/v1/events/"


def bearer(key: str) -> Client:
    return Client(headers={"authorization": f"Bearer {key}"})


def make(user, scopes=("events",), name="Newsletter sync", **kwargs) -> tuple[ApiToken, str]:
    return services.api_token_create(user=user, name=name, scopes=list(scopes), **kwargs)


def shown(moment: datetime) -> str:
    """A time as the tokens page writes it."""
    return dateformat.format(timezone.localtime(moment), "j M Y, H:i")


class Clock:
    """The time as the site sees it (`django.utils.timezone.now`), moved by the test."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now = timezone.now()
        monkeypatch.setattr(timezone, "now", lambda: self.now)


@pytest.fixture
def clock(monkeypatch) -> Clock:
    return Clock(monkeypatch)


def test_a_person_makes_a_token_and_sees_its_key_only_once(client, supporter):
    client.force_login(supporter)
    page = reverse("account_settings:api_tokens")
    assert page in client.get(reverse("site:dashboard")).content.decode()  # found from home
    response = client.post(
        page, {"name": "Newsletter sync", "scopes": ["events", "members"], "lifetime": "90"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    token = ApiToken.objects.get(user=supporter)
    key = html.split('id="new-token">', 1)[1].split("<", 1)[0]
    assert key.startswith(f"cnt_{token.prefix}_")
    assert "shown only this once" in html
    assert response["Cache-Control"].startswith("max-age=0")
    # Only a digest is kept; the next visit lists the token without its key.
    assert key not in str(ApiToken.objects.values_list().get(pk=token.pk))
    again = client.get(page).content.decode()
    assert key not in again
    assert "Newsletter sync" in again
    assert "Events; Registry: organisations, people and memberships" in again
    assert AuditEntry.objects.filter(action="account.api_token_created").count() == 1
    # And the key works.
    assert bearer(key).get(MINE).status_code == 200


def test_a_token_needs_a_name_and_a_scope(client, supporter):
    client.force_login(supporter)
    response = client.post(reverse("account_settings:api_tokens"), {"name": ""})
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert "Choose at least one part of the API." in html
    assert not ApiToken.objects.exists()
    with pytest.raises(AccountsError):
        make(supporter, scopes=["everything"])


def test_a_token_reads_as_its_owner_within_its_scopes(supporter):
    _token, key = make(supporter, scopes=["events"])
    assert bearer(key).get(MINE).status_code == 200
    assert bearer(key).get(PUBLIC_EVENTS).status_code == 200
    assert bearer(key).get("/api/v1/").status_code == 200  # the root and schema: every token
    assert bearer(key).get("/api/v1/schema/").status_code == 200
    refused = bearer(key).get("/api/v1/organisations/")
    assert refused.status_code == 403
    assert refused.json()["errors"][0]["detail"] == (
        "This API token may not read this part of the API."
    )
    # Within its scope it is still its owner: a supporter's token cannot read the budgets.
    _token, finance_key = make(supporter, scopes=["finance"])
    assert bearer(finance_key).get("/api/v1/finance/budgets/").status_code == 403


def test_a_token_can_only_read(supporter):
    _token, key = make(supporter, scopes=["events"])
    response = bearer(key).post(MINE, {}, content_type="application/json")
    assert response.status_code == 403
    assert response.json()["errors"][0]["detail"] == "An API token can only read."


@pytest.mark.parametrize("header", ["Bearer cnt_nothere_abc", "Bearer not-a-token"])
def test_a_wrong_token_is_refused_with_401(header):
    response = Client(headers={"authorization": header}).get(PUBLIC_EVENTS)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer error="invalid_token"'
    assert response.json()["errors"][0]["detail"] == "This API token is not valid."


@pytest.mark.parametrize("header", ["Bearer", "Bearer a b"])
def test_a_bearer_header_without_one_token_is_refused_with_401(header):
    response = Client(headers={"authorization": header}).get(PUBLIC_EVENTS)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert response.json()["errors"][0]["detail"] == "The API token is missing or malformed."


def test_no_token_and_no_session_is_the_usual_403():
    response = Client().get(MINE)
    assert response.status_code == 403
    assert "WWW-Authenticate" not in response


def test_a_token_with_the_right_prefix_and_a_wrong_secret_is_refused(supporter):
    token, key = make(supporter)
    forged = f"cnt_{token.prefix}_{'x' * 43}"
    assert forged != key
    assert bearer(forged).get(MINE).status_code == 401


def test_a_revoked_token_stops_working_at_once(client, supporter):
    token, key = make(supporter)
    client.force_login(supporter)
    response = client.post(
        reverse("account_settings:api_token_revoke", args=[token.pk]), follow=True
    )
    assert "is revoked: it no longer works" in response.content.decode()
    refused = bearer(key).get(MINE)
    assert refused.status_code == 401
    assert refused["WWW-Authenticate"] == 'Bearer error="invalid_token"'
    assert refused.json()["errors"][0]["detail"] == "This API token has been revoked."
    assert AuditEntry.objects.filter(action="account.api_token_revoked").count() == 1
    again = client.post(reverse("account_settings:api_token_revoke", args=[token.pk]), follow=True)
    assert "was already revoked" in again.content.decode()


def test_only_the_owner_or_a_network_admin_revokes_a_token(
    client, supporter, officer_a, network_admin
):
    token, key = make(supporter)
    client.force_login(officer_a)
    url = reverse("account_settings:api_token_revoke", args=[token.pk])
    assert client.post(url).status_code == 403
    assert bearer(key).get(MINE).status_code == 200
    client.force_login(network_admin)
    listing = client.get(reverse("account_settings:api_tokens")).content.decode()
    assert supporter.email in listing  # staff see every live token
    client.post(url)
    assert bearer(key).get(MINE).status_code == 401


def test_a_deactivated_account_s_tokens_stop_working(supporter):
    _token, key = make(supporter)
    supporter.is_active = False
    supporter.save()
    assert bearer(key).get(MINE).status_code == 401


def test_staff_without_two_step_verification_cannot_make_or_use_a_token(settings, network_admin):
    _token, key = make(network_admin)
    settings.REQUIRE_STAFF_TWO_STEP = True
    with pytest.raises(AccountsError, match="two-step verification"):
        make(network_admin)
    refused = bearer(key).get(MINE)
    assert refused.status_code == 401
    assert "two-step verification" in refused.json()["errors"][0]["detail"]


def test_the_last_use_is_recorded(supporter):
    token, key = make(supporter)
    assert token.last_used_at is None
    bearer(key).get(MINE)
    token.refresh_from_db()
    assert token.last_used_at is not None


# --- expiry ----------------------------------------------------------------------------------


def test_the_form_offers_30_days_90_days_or_a_year_90_days_chosen(client, supporter):
    client.force_login(supporter)
    html = client.get(reverse("account_settings:api_tokens")).content.decode()
    assert "How long should it work?" in html
    assert 'class="govuk-radios govuk-radios--small"' in html
    radios = {
        days: html.split(f'value="{days}"', 1)[1].split(">", 1)[0] for days in ("30", "90", "365")
    }
    assert [("checked" in attrs) for attrs in radios.values()] == [False, True, False]
    for label in ("30 days", "90 days", "1 year"):
        assert f">{label}</label>" in html


@pytest.mark.parametrize(("lifetime", "days"), [("30", 30), ("90", 90), ("365", 365)])
def test_the_expiry_chosen_is_kept_shown_and_audited(client, supporter, clock, lifetime, days):
    client.force_login(supporter)
    page = reverse("account_settings:api_tokens")
    client.post(page, {"name": "Warehouse", "scopes": ["events"], "lifetime": lifetime})
    token = ApiToken.objects.get(user=supporter)
    assert token.expires_at == clock.now + timedelta(days=days)
    row = client.get(page).content.decode().split("Warehouse", 1)[1].split("</tr>", 1)[0]
    assert shown(token.expires_at) in row
    assert "Expired" not in row
    entry = AuditEntry.objects.get(action="account.api_token_created")
    assert entry.changes["expires_at"] == token.expires_at.isoformat()


def test_a_new_token_expires_after_90_days_unless_told_otherwise(supporter, clock):
    token, _key = make(supporter)
    assert token.expires_at == clock.now + timedelta(days=90)


@pytest.mark.parametrize("lifetime", ["7", "0", "3650", "-30", "ninety", ""])
def test_the_form_refuses_a_lifetime_it_does_not_offer(client, supporter, lifetime):
    client.force_login(supporter)
    response = client.post(
        reverse("account_settings:api_tokens"),
        {"name": "Warehouse", "scopes": ["events"], "lifetime": lifetime},
    )
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert "Choose how long the token works: 30 days, 90 days or 1 year." in html
    assert 'id="new-token"' not in html
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize("days", [7, 0, 3650, -30])
def test_the_service_refuses_a_lifetime_not_offered(supporter, days):
    with pytest.raises(AccountsError, match="30 days, 90 days or 1 year") as refused:
        make(supporter, lifetime_days=days)
    assert refused.value.field == "lifetime"
    assert not ApiToken.objects.exists()
    assert not AuditEntry.objects.filter(action="account.api_token_created").exists()


def test_a_token_works_until_just_before_it_expires_and_is_refused_from_then(supporter, clock):
    token, key = make(supporter, lifetime_days=30)
    clock.now = token.expires_at - timedelta(seconds=1)
    assert bearer(key).get(MINE).status_code == 200
    clock.now = token.expires_at
    refused = bearer(key).get(MINE)
    assert refused.status_code == 401
    assert refused["WWW-Authenticate"] == 'Bearer error="invalid_token"'
    assert refused.json() == {
        "type": "client_error",
        "errors": [
            {"code": "token_expired", "detail": "This API token has expired.", "attr": None}
        ],
    }
    clock.now = token.expires_at + timedelta(days=400)
    assert bearer(key).get(PUBLIC_EVENTS).status_code == 401  # not even the open data


def test_the_tokens_page_marks_an_expired_token(client, supporter, network_admin, clock):
    old, _key = make(supporter, name="Old sync", lifetime_days=30)
    make(supporter, name="New sync", lifetime_days=365)
    clock.now += timedelta(days=31)
    client.force_login(supporter)
    html = client.get(reverse("account_settings:api_tokens")).content.decode()
    old_row = html.split("Old sync", 1)[1].split("</tr>", 1)[0]
    new_row = html.split("New sync", 1)[1].split("</tr>", 1)[0]
    assert shown(old.expires_at) in old_row
    assert "Expired" in old_row
    assert "Revoke" not in old_row  # nothing left to stop
    assert "Expired" not in new_row
    assert "Revoke" in new_row
    # Staff's list of everyone else's live tokens leaves the expired one out.
    client.force_login(network_admin)
    listing = client.get(reverse("account_settings:api_tokens")).content.decode()
    assert "New sync" in listing
    assert "Old sync" not in listing


def test_a_token_made_before_tokens_expired_keeps_working_and_shows_no_expiry(client, supporter):
    token, key = make(supporter)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=None)
    client.force_login(supporter)
    html = client.get(reverse("account_settings:api_tokens")).content.decode()
    row = html.split("Newsletter sync", 1)[1].split("</tr>", 1)[0]
    assert row.count("Never") == 2  # never used, never expires
    assert "Expired" not in row
    assert "Revoke" in row
    assert bearer(key).get(MINE).status_code == 200


# --- rate limits -----------------------------------------------------------------------------


@pytest.fixture
def real_rates(settings):
    settings.API_THROTTLE_RATES = {"anon": "3/min", "user": "5/min"}
    cache.clear()
    yield
    cache.clear()


def test_anonymous_callers_are_limited_per_address(real_rates):
    answers = [Client().get(PUBLIC_EVENTS) for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    limited = answers[-1]
    assert int(limited["Retry-After"]) > 0
    assert limited.json()["type"] == "client_error"
    assert limited.json()["errors"][0]["code"] == "throttled"
    # Another address has its own count.
    assert Client(REMOTE_ADDR="192.0.2.7").get(PUBLIC_EVENTS).status_code == 200


def test_a_token_is_limited_per_account(real_rates, supporter):
    _token, key = make(supporter)
    codes = [bearer(key).get(PUBLIC_EVENTS).status_code for _ in range(6)]
    assert codes == [200] * 5 + [429]


def _queries_for_the_page(client, admin, others, n) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for i in range(n):
        make(admin, name=f"Mine {i}")
        make(others[i % len(others)], name=f"Theirs {i}")
    client.force_login(admin)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("account_settings:api_tokens")).status_code == 200
    return len(queries)


def test_the_tokens_page_costs_the_same_at_2_tokens_and_at_20(
    client, network_admin, supporter, officer_a
):
    few = _queries_for_the_page(client, network_admin, [supporter, officer_a], 2)
    ApiToken.objects.all().delete()
    many = _queries_for_the_page(client, network_admin, [supporter, officer_a], 20)
    assert few == many
