"""The welcome pack (page and PDF), and a member giving notice to leave."""

from __future__ import annotations

import importlib
import io
from datetime import date

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from coopnet.core.guard import Refused
from coopnet.members import services
from coopnet.members.errors import MembersError
from coopnet.members.joining import services as joining
from coopnet.members.models import Membership, Organisation
from coopnet.members.services import leaving_date

from .helpers import committed, council_application

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _pdf_text(content: bytes) -> str:
    assert content.startswith(b"%PDF")
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.fixture
def pack_data(org_a):
    """What the pack's registered sections read: the bodies and their seats (governance), a
    round's pots (funding; the schemes and their caps are reference data) and a programme
    (learning)."""
    from coopnet.funding.models import Round, RoundPot, Scheme
    from coopnet.governance.composition import ensure_bodies
    from coopnet.learning.models import Programme

    ensure_bodies(accountable_body=org_a)
    rnd = Round.objects.create(year=2025)
    for slug, amount in (("policy-lab", "60000"), ("policy-prototype", "15000")):
        RoundPot.objects.create(round=rnd, scheme=Scheme.objects.get(slug=slug), amount=amount)
    Programme.objects.create(
        slug="being-a-co-operative-council",
        title="Being a Co-operative Council",
        provider="Co-operative College",
        platform="Learnworlds",
        certified=True,
    )
    return rnd


def _pack_html(user, org) -> str:
    return _client(user).get(reverse("joining:welcome_pack", args=[org.slug])).content.decode()


def test_the_welcome_pack_page_and_pdf_carry_the_seed_content(officer_a, org_a, pack_data):
    html = _pack_html(officer_a, org_a)
    for fact in (
        "Walking the talk",
        "through 10 principles",
        "Policy Lab: bids of up to £20,000.",
        "Completed in 6 to 9 months.",
        "The budget for policy projects is £75,000 a year:",
        "Associate member representatives: 4 places",
        "Member council representatives: 6 places",
        "Elections to the Executive Oversight Committee are held every 2 years.",
        "Being a Co-operative Council",
        "New members follow an induction programme in 3 phases.",
        "comms@councils.coop",
        "The Officer Group",
    ):
        assert fact in html, fact
    response = _client(officer_a).get(reverse("joining:welcome_pack_pdf", args=[org_a.slug]))
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content)
    assert "Welcome pack for Oldham" in text
    assert "Co-production" in text
    assert "£2,000" in text


def test_the_welcome_pack_figures_follow_the_data(officer_a, org_a, pack_data):
    """No figure is typed into the pack: change the seats, the caps, the pot, the programmes and
    the term, and the pack says so."""
    from coopnet.funding.models import RoundPot, SchemeRule
    from coopnet.governance.models import Body, Seat
    from coopnet.learning.models import Programme

    Seat.objects.filter(body__slug="eoc", name="Member council representatives").update(places=4)
    Body.objects.filter(slug="vp-board").update(term_years=3)
    SchemeRule.objects.filter(scheme__slug="policy-lab", from_year=2022).update(cap=25000)
    RoundPot.objects.filter(round=pack_data, scheme__slug="policy-lab").update(amount=70000)
    Programme.objects.create(slug="new", title="Community Wealth Building", provider="College")
    html = _pack_html(officer_a, org_a)
    for fact in (
        "Member council representatives: 4 places",
        "Elections to the Values and Principles Board are held every 3 years.",
        "Policy Lab: bids of up to £25,000.",
        "The budget for policy projects is £85,000 a year:",
        "Community Wealth Building",
        "Councillors and officers can take 2 training programmes:",
    ):
        assert fact in html, fact
    for gone in ("Member council representatives: 6 places", "£20,000", "£75,000"):
        assert gone not in html, gone


def test_a_section_whose_app_holds_nothing_is_left_out_of_the_pack(officer_a, org_a):
    html = _pack_html(officer_a, org_a)  # no bodies, no programmes, no round: only the caps
    assert "How the network is governed" not in html
    assert "Councillors and officers can take" not in html
    assert "New members follow an induction programme in 3 phases." in html  # reference data
    assert "Policy Lab: bids of up to £20,000." in html
    assert "The budget for policy projects is" not in html


def test_the_welcome_pack_is_for_the_members_own_people(officer_b, org_a):
    assert (
        _client(officer_b).get(reverse("joining:welcome_pack", args=[org_a.slug])).status_code
        == 403
    )
    assert (
        _client(officer_b).get(reverse("joining:welcome_pack_pdf", args=[org_a.slug])).status_code
        == 403
    )


def test_an_approved_applicant_downloads_the_pack_through_their_link(network_admin, finance_ready):
    application = council_application()
    url = reverse("joining:application_welcome", args=[application.token])
    assert Client().get(url).status_code == 404  # not before approval
    with committed():
        joining.application_approve(application=application, by=network_admin, on=date.today())
    response = Client().get(url)
    text = _pdf_text(response.content)
    assert "Wigan Metropolitan Borough Council" in text
    assert "Full member of the network since" in text
    html = Client().get(reverse("joining:task_list", args=[application.token])).content.decode()
    assert "Download the welcome pack (PDF)" in html


# --- leaving ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("notice", "ends"),
    [
        (date(2026, 11, 23), date(2027, 7, 31)),
        (date(2026, 8, 1), date(2027, 7, 31)),
        (date(2027, 7, 31), date(2027, 7, 31)),
        (date(2027, 3, 1), date(2027, 7, 31)),
    ],
)
def test_membership_ends_at_the_end_of_the_membership_year(notice, ends):
    assert leaving_date(notice) == ends


def test_the_leaving_rule_is_configurable(settings):
    settings.COOPNET_LEAVING_NOTICE_DAYS = 90
    assert leaving_date(date(2026, 11, 23)) == date(2027, 2, 21)


def test_an_officer_gives_notice_and_the_history_is_kept(officer_a, org_a):
    membership = org_a.memberships.get()
    client = _client(officer_a)
    with committed():
        response = client.post(
            reverse("members:give_notice", args=[org_a.slug]),
            {"reason": "Budget pressures", "confirm": "on"},
        )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.end == leaving_date(date.today())
    assert membership.notice_given_on == date.today()
    assert membership.notice_reason == "Budget pressures"
    assert membership.history.count() == 2
    assert Organisation.objects.filter(pk=org_a.pk).exists()
    assert "Notice to leave" in mail.outbox[-1].subject
    html = client.get(org_a.get_absolute_url()).content.decode()
    assert "Leaving: the membership ends on" in html


def test_notice_refusals(officer_a, officer_b, org_a, network_admin):
    membership = org_a.memberships.get()
    with pytest.raises(Refused):
        services.membership_give_notice(membership=membership, by=officer_b, reason="x")
    assert (
        _client(officer_b).get(reverse("members:give_notice", args=[org_a.slug])).status_code == 403
    )
    with pytest.raises(MembersError, match="Give a reason"):
        services.membership_give_notice(membership=membership, by=officer_a, reason=" ")
    response = _client(officer_a).post(reverse("members:give_notice", args=[org_a.slug]), {})
    html = response.content.decode()
    assert "Confirm that you are giving notice" in html
    services.membership_give_notice(
        membership=membership, by=network_admin, reason="Asked by email"
    )
    with pytest.raises(MembersError, match="already been given"):
        services.membership_give_notice(membership=membership, by=officer_a, reason="Again")


def test_an_ended_membership_cannot_be_given_notice(officer_a, org_a):
    membership = org_a.memberships.get()
    Membership.objects.filter(pk=membership.pk).update(end=date(2021, 7, 31))
    membership.refresh_from_db()
    with pytest.raises(MembersError, match="already ended"):
        services.membership_give_notice(membership=membership, by=officer_a, reason="Leaving")
    html = (
        _client(officer_a).get(reverse("members:give_notice", args=[org_a.slug])).content.decode()
    )
    assert "holds no current membership" in html


def test_the_reason_for_leaving_is_for_staff_not_the_public_page(
    officer_a, officer_b, org_a, network_admin, finance_officer
):
    membership = org_a.memberships.get()
    with committed():
        services.membership_give_notice(
            membership=membership, by=officer_a, reason="Our new leader dislikes the network"
        )
    membership.refresh_from_db()
    ends = f"{membership.end:%-d %B %Y}"
    url = org_a.get_absolute_url()
    for visitor in (Client(), _client(officer_b)):
        html = visitor.get(url).content.decode()
        assert f"Leaving: the membership ends on {ends}" in html
        assert f"notice given on {date.today():%-d %B %Y}" in html
        assert "dislikes the network" not in html
        assert "Reason for leaving" not in html
    api = Client().get("/api/v1/memberships/", {"organisation": org_a.slug}).content.decode()
    assert ends.split()[-1] in api or membership.end.isoformat() in api
    assert "dislikes the network" not in api
    for staff in (network_admin, finance_officer):
        html = _client(staff).get(url).content.decode()
        assert (
            "Reason for leaving (seen by staff only): Our new leader dislikes the network" in html
        )


def test_why_staff_ended_a_membership_is_not_on_the_public_page(officer_b, org_a, network_admin):
    membership = org_a.memberships.get()
    Membership.objects.filter(pk=membership.pk).update(
        end=date(2024, 7, 31), end_reason="Unpaid fee"
    )
    url = org_a.get_absolute_url()
    for visitor in (Client(), _client(officer_b)):
        html = visitor.get(url).content.decode()
        assert "31 July 2024" in html
        assert "Unpaid fee" not in html
    html = _client(network_admin).get(url).content.decode()
    assert "Why it ended (seen by staff only): Unpaid fee" in html


def test_reasons_written_before_move_out_of_the_public_end_reason(org_a):
    from django.apps import apps

    move = importlib.import_module(
        "coopnet.members.migrations.0008_membership_notice_reason"
    ).move_notice_reasons
    membership = org_a.memberships.get()
    Membership.objects.filter(pk=membership.pk).update(
        end=date(2027, 7, 31),
        notice_given_on=date(2026, 11, 23),
        end_reason="Notice given on 2026-11-23: Budget pressures",
    )
    move(apps, None)
    membership.refresh_from_db()
    assert (membership.end_reason, membership.notice_reason) == ("", "Budget pressures")
