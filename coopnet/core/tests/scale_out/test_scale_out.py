"""Scale-out: two app servers and two task workers on one PostgreSQL, as docs/deployment.md says.

Two gunicorn servers (two sync workers each) and two `manage.py worker` processes run with
production settings against the test database. People sign in through the real sign-in form
(staff with their authenticator app) and, released together by a barrier, send the same forms
at the same moment through both servers. What they see (status codes, the messages on the pages)
and the rows left in the database show that nothing happens twice and nothing is lost: one
place for the last seat, one ballot per elector, one membership per application, one invoice per
member, one payment per form; and that every email the two workers share a queue for is sent
exactly once.

PostgreSQL only (`make test-postgres`): on SQLite, one file cannot be shared this way.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from functools import cache, partial
from typing import Any, cast

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django.db.models import Count, Sum
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from coopnet.accounts.models import User
from coopnet.accounts.roles import UserRole
from coopnet.core.membership_year import year_of
from coopnet.events.models import Event, Registration
from coopnet.events.tests.factories import EventFactory
from coopnet.finance.models import FeeSchedule, FinanceSettings, Invoice
from coopnet.governance.elections.models import Ballot, Election, Nomination, VoteMark
from coopnet.governance.elections.services import nomination_accept
from coopnet.governance.elections.tests.helpers import (
    advance_to,
    make_body,
    make_election,
    make_seat,
    nominate,
)
from coopnet.members.models import Application, Membership, RoleKind
from coopnet.members.tests.factories import (
    CouncilFactory,
    MembershipFactory,
    PersonFactory,
    RoleFactory,
    UserFactory,
    category,
)
from coopnet.members.tests.joining.helpers import council_application

from .cluster import CACHE_TABLE, Browser, Cluster, Form, Page, Server, at_once, together

pytestmark = [pytest.mark.postgres_only, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long passphrase for the scale-out test"
COUNCILS = ["OLD", "KIR", "MAN", "LIV", "SHF"]
BOOKERS = 10


@pytest.fixture
def cluster(transactional_db, tmp_path) -> Iterator[Cluster]:
    """The installation, started for one test (after its data can be committed) and stopped
    before the test database is emptied: the processes remember content type ids, which the
    emptying renumbers. The shared cache's table is dropped again, so that the tests after this
    one find the test database as they always do."""
    with Cluster(dict(settings.DATABASES["default"]), tmp_path / "scale-out") as running:
        yield running
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {connection.ops.quote_name(CACHE_TABLE)}")


@pytest.fixture
def journal(cluster: Cluster) -> Iterator[list[tuple[str, str, str, int]]]:
    """Every answer any browser had; a server error anywhere fails the test, with the logs."""
    answers: list[tuple[str, str, str, int]] = []
    yield answers
    errors = [a for a in answers if a[3] >= 500]
    assert not errors, f"server errors: {errors}\n{cluster.logs()}"
    cluster.check_running()


# --- people ----------------------------------------------------------------------------------


@cache
def password_hash() -> str:
    """`PASSWORD` hashed by production's hasher (the test settings' MD5 is not among
    production's), once for everyone: it takes a good part of a second."""
    return PBKDF2PasswordHasher().encode(PASSWORD, "scaleoutsalt")


def person(*roles: str, is_staff: bool = False, **fields) -> User:
    """An account that can sign in with production's settings: its email address verified, the
    password hashed as production hashes it."""
    user = cast(User, UserFactory(roles=list(roles), is_staff=is_staff, **fields))
    User.objects.filter(pk=user.pk).update(password=password_hash())
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def staff(role: str) -> tuple[User, str]:
    """A staff account that has set up its authenticator app, and the app's secret."""
    user = person(role, is_staff=True)
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return user, secret


def totp_code(secret: str) -> str:
    """The app's current code, not one about to expire (production allows no tolerance)."""
    period = mfa_settings.TOTP_PERIOD
    if period - time.time() % period < 5:
        time.sleep(period - time.time() % period + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))


def sign_in(browser: Browser, server: Server, user: User, secret: str | None = None) -> None:
    form = browser.open(server, "/accounts/login/")
    page = browser.open(
        server,
        "/accounts/login/",
        {"csrfmiddlewaretoken": form.csrf(), "login": user.email, "password": PASSWORD},
    )
    if secret is not None:
        assert page.path == "/accounts/2fa/authenticate/", (page.path, page.chain)
        page = browser.open(
            server,
            page.path,
            {"csrfmiddlewaretoken": page.csrf(), "code": totp_code(secret)},
        )
    assert page.status == 200, (user.email, page.chain)
    assert page.path == "/dashboard/", (user.email, page.chain)


def signed_in(
    cluster: Cluster, journal: list, people: list[tuple[User, str | None]]
) -> list[Browser]:
    """A browser for each person, signed in at once on alternate servers."""
    browsers = [Browser(user.email, journal) for user, _secret in people]
    results = together(
        partial(sign_in, browser, cluster.servers[i % 2], *people[i])
        for i, browser in enumerate(browsers)
    )
    failed = [r for r in results if isinstance(r, BaseException)]
    assert not failed, f"{failed}\n{cluster.logs()}"
    return browsers


# --- the world ---------------------------------------------------------------------------------


def finance_ready() -> int:
    """The Accountable Body set up with this membership year's fees; the year."""
    config = FinanceSettings.current()
    config.body_name = "Oldham Council"
    config.body_address = "Civic Centre\nWest Street\nOldham"
    config.body_email = "finance@example.org"
    config.payment_instructions = "Pay by BACS quoting the invoice number."
    config.save()
    year = year_of(timezone.localdate())
    for code, amount in (("full", "3500.00"), ("associate", "250.00"), ("affiliate", "250.00")):
        FeeSchedule.objects.get_or_create(
            year=year, category=category(code), defaults={"amount": Decimal(amount)}
        )
    return year


def councils() -> list:
    """Full member councils, each with an invoice contact who has an email address."""
    found = []
    for code in COUNCILS:
        council = CouncilFactory(la_code=code)
        MembershipFactory(organisation=council, category=category("full"))
        contact = PersonFactory(email=f"invoices@{code.lower()}.example")
        RoleFactory(person=contact, organisation=council, kind=RoleKind.INVOICE_CONTACT)
        found.append(council)
    return found


def voting_contact(organisation) -> User:
    user = person(UserRole.MEMBER_OFFICER)
    contact = PersonFactory(user=user, full_name=user.full_name)
    RoleFactory(person=contact, organisation=organisation, kind=RoleKind.VOTING_CONTACT)
    return user


def open_ballot(admin: User, voter_a: User, voter_b: User) -> tuple[Election, int, int]:
    """An election in its voting stage for one Full seat and two candidates, nominated by the
    councils' voting contacts: the election, the contest's id and the first nomination's."""
    election = advance_to(
        make_election(admin, [make_seat(make_body(), places=1)]), Election.State.NOMINATIONS, admin
    )
    contest = election.contests.get()
    for voter in (voter_a, voter_b):
        org = voter.person.roles.get().organisation
        candidate = cast(User, UserFactory(roles=[UserRole.MEMBER_OFFICER]))
        candidate_person = PersonFactory(user=candidate, full_name=candidate.full_name)
        RoleFactory(person=candidate_person, organisation=org, kind=RoleKind.COUNCILLOR)
        nomination_accept(
            nomination=nominate(election, contest, candidate, org, by=voter), by=candidate
        )
    election = advance_to(election, Election.State.VOTING, admin)
    first = Nomination.objects.filter(contest=contest).order_by("pk").first()
    assert first is not None
    return election, contest.pk, first.pk


# --- the queue and the mail --------------------------------------------------------------------


def drained(cluster: Cluster, seconds: float = 60.0) -> list[DBTaskResult]:
    """Wait until the workers have finished every queued task; the tasks."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        cluster.check_running()
        if not DBTaskResult.objects.exclude(status__in=["SUCCESSFUL", "FAILED"]).exists():
            return list(DBTaskResult.objects.all())
        time.sleep(0.2)
    waiting = list(DBTaskResult.objects.exclude(status__in=["SUCCESSFUL", "FAILED"]))
    raise AssertionError(f"tasks still waiting: {waiting}\n{cluster.logs()}")


def fingerprint(message: Any) -> tuple[str, str, str]:
    body = message.get_body(preferencelist=("plain",))
    text = body.get_content() if body is not None else ""
    return (str(message["To"]), str(message["Subject"]), hashlib.sha256(text.encode()).hexdigest())


def mail_sent(cluster: Cluster) -> Counter[tuple[str, str]]:
    """How many messages went to each (address, subject); no message was sent twice."""
    mail = cluster.sent_mail()
    twice = [k for k, n in Counter(fingerprint(m) for m in mail).items() if n > 1]
    assert not twice, f"sent more than once: {twice}"
    return Counter((str(m["To"]).lower(), str(m["Subject"])) for m in mail)


def to(sent: Counter[tuple[str, str]], address: str, subject: str = "") -> int:
    return sum(n for (a, s), n in sent.items() if a == address and s.startswith(subject))


# --- the scenarios -----------------------------------------------------------------------------


def book_the_last_place(cluster: Cluster, journal: list) -> None:
    """Ten people take one place at once (two of them click twice): one place, nine on the
    wait list in order, nobody twice."""
    event = cast(Event, EventFactory(capacity=1))
    people = [person() for _ in range(BOOKERS)]
    browsers = signed_in(cluster, journal, [(p, None) for p in people])
    page = f"/events/{event.slug}/"
    tokens = [b.open(cluster.servers[i % 2], page).csrf() for i, b in enumerate(browsers)]
    clicks = [*range(BOOKERS), 0, 1]  # the first two people press the button twice
    path = f"/events/{event.slug}/book/"
    results = at_once(
        [
            (browsers[i].twin(), cluster.servers[n % 2], path, {"csrfmiddlewaretoken": tokens[i]})
            for n, i in enumerate(clicks)
        ]
    )
    assert all(p.status == 200 for p in results), [p.chain for p in results]
    said = Counter(
        "already"
        if p.says("You are already registered for this event.")
        else "booked"
        if p.says("Your place is booked.")
        else "wait list"
        if p.says("The event is full: you are number")
        else p.text
        for p in results
    )
    assert said == {"booked": 1, "wait list": BOOKERS - 1, "already": 2}, said
    registrations = Registration.objects.filter(event=event)
    assert registrations.filter(status=Registration.Status.CONFIRMED).count() == 1
    waiting = registrations.filter(status=Registration.Status.WAITLISTED)
    assert sorted(p or 0 for p in waiting.values_list("position", flat=True)) == list(
        range(1, BOOKERS)
    )
    per_person = Counter(registrations.values_list("user_id", flat=True))
    assert per_person == {p.pk: 1 for p in people}


def cast_one_ballot(
    cluster: Cluster, journal: list, admin: User, voter_a: User, voter_b: User
) -> None:
    """One voting contact sends the ballot twelve times at once: one ballot, one mark."""
    election, contest_id, candidate = open_ballot(admin, voter_a, voter_b)
    org_a = voter_a.person.roles.get().organisation
    (browser,) = signed_in(cluster, journal, [(voter_a, None)])
    path = f"/elections/{election.slug}/vote/{contest_id}/"
    token = browser.open(cluster.servers[0], path).csrf()
    form = {"csrfmiddlewaretoken": token, "organisation": org_a.pk, "marks": [candidate]}
    results = at_once([(browser.twin(), cluster.servers[n % 2], path, form) for n in range(12)])
    cast_ = [p for p in results if p.says("Your ballot has been cast")]
    refused = [p for p in results if p.says("already voted")]
    assert len(cast_) == 1, [(p.status, p.text[:300]) for p in results]
    assert len(refused) == 11, [(p.status, p.text[:300]) for p in results]
    assert {p.status for p in refused} <= {200, 403}
    assert Ballot.objects.filter(contest_id=contest_id).count() == 1
    assert VoteMark.objects.filter(contest_id=contest_id).count() == 1


def each_twice(cluster: Cluster, browsers: list[Browser], path: str, forms: list[Form]) -> list:
    """Each of two browsers sends its form through each server, all four at once (each in a
    window of its own)."""
    return at_once(
        [(browsers[n % 2].twin(), cluster.servers[n // 2], path, forms[n % 2]) for n in range(4)]
    )


def approve_once(cluster: Cluster, admins: list[Browser]) -> None:
    """Two staff approve one application at once, each through both servers: one membership
    and one first invoice; the others are told it is decided."""
    application = council_application("WGN")
    path = f"/join/applications/{application.pk}/approve/"
    decided_on = timezone.localdate().isoformat()
    forms = [
        {"csrfmiddlewaretoken": b.open(cluster.servers[0], path).csrf(), "decided_on": decided_on}
        for b in admins
    ]
    results = each_twice(cluster, admins, path, forms)
    assert all(p.status == 200 for p in results), [p.chain for p in results]
    approved = [p for p in results if p.says("is now a member")]
    refused = [
        p
        for p in results
        if p.says("This application has already been decided.")
        or p.says("so it cannot be decided now")
    ]
    assert len(approved) == 1, [p.text[:300] for p in results]
    assert len(refused) == 3, [p.text[:300] for p in results]
    application.refresh_from_db()
    assert application.status == Application.Status.APPROVED
    assert Membership.objects.filter(organisation__local_authority_id="WGN").count() == 1
    assert Invoice.objects.filter(organisation__local_authority_id="WGN").count() == 1


def run_invoices_once(cluster: Cluster, year: int, finance: list[Browser]) -> None:
    """The invoice run confirmed by two staff at once, through both servers each: every member
    invoiced once, the numbers without gaps."""
    on = timezone.localdate().isoformat()
    forms = []
    for browser in finance:
        preview = browser.open(cluster.servers[1], f"/finance/run/?year={year}&on={on}")
        forms.append(
            {
                "csrfmiddlewaretoken": preview.csrf(),
                **{k: preview.hidden(k) for k in ("expected_count", "expected_total")},
                "year": year,
                "on": on,
            }
        )
    assert forms[0]["expected_count"] == forms[1]["expected_count"] == str(len(COUNCILS))
    results = each_twice(cluster, finance, "/finance/run/", forms)
    assert all(p.status == 200 for p in results), [p.chain for p in results]
    raised = [p for p in results if p.says(f"{len(COUNCILS)} invoices raised")]
    refused = [
        p
        for p in results
        if p.says("There is nobody to invoice") or p.says("The figures have changed")
    ]
    assert len(raised) == 1, [p.text[:300] for p in results]
    assert len(refused) == 3, [p.text[:300] for p in results]
    per_membership = Invoice.objects.filter(year=year).values("membership").annotate(n=Count("pk"))
    assert {row["n"] for row in per_membership} == {1}
    assert Invoice.objects.filter(year=year).count() == Membership.objects.count()
    numbers = sorted(Invoice.objects.values_list("number", flat=True))
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def pay_once(cluster: Cluster, finance: list[Browser]) -> None:
    """One part-payment form sent sixteen times at once: one payment. Then two different
    part-payments at once: both recorded. Then two payments of the whole balance at once: one
    recorded, the other refused. Nothing twice, nothing lost."""
    invoice = Invoice.objects.filter(organisation__local_authority_id="MAN").get()
    path = f"/finance/invoices/{invoice.reference}/payments/add/"
    today = timezone.localdate().isoformat()

    def form(b: Browser, server: Server, amount: Decimal | str, reference: str) -> Form:
        page = b.open(server, path)
        return {
            "csrfmiddlewaretoken": page.csrf(),
            "submission_key": page.hidden("submission_key"),
            "received_on": today,
            "amount": str(amount),
            "reference": reference,
        }

    def paid() -> Decimal:
        return invoice.payments.aggregate(total=Sum("amount"))["total"] or Decimal("0.00")

    browser = finance[0]
    once = form(browser, cluster.servers[0], "1000.00", "BACS 1")
    results = at_once([(browser.twin(), cluster.servers[n % 2], path, once) for n in range(16)])
    recorded = [p for p in results if p.says("The payment has been recorded.")]
    again = [p for p in results if p.says("This form was already sent and has been recorded")]
    assert len(recorded) == 1, [p.text[:300] for p in results]
    assert len(again) == 15, [p.text[:300] for p in results]
    assert invoice.payments.count() == 1

    def both(amounts: tuple[Decimal | str, Decimal | str], refs: tuple[str, str]) -> list[Page]:
        forms = [form(finance[i], cluster.servers[i], amounts[i], refs[i]) for i in range(2)]
        return at_once([(finance[i], cluster.servers[i], path, forms[i]) for i in range(2)])

    two = both(("500.00", "700.00"), ("BACS 2", "BACS 3"))
    assert all(p.says("The payment has been recorded.") for p in two), [p.text for p in two]
    assert paid() == Decimal("2200.00")

    rest = invoice.total - paid()
    last = both((rest, rest), ("BACS 4", "BACS 5"))
    recorded = [p for p in last if p.says("The payment has been recorded.")]
    refused = [p for p in last if p.says("Nothing is owed on this invoice.")]
    assert len(recorded) == 1, [p.text[:300] for p in last]
    assert len(refused) == 1, [p.text[:300] for p in last]
    assert paid() == invoice.total
    assert invoice.payments.count() == 4


# --- the tests ---------------------------------------------------------------------------------


def test_two_servers_and_two_workers_do_nothing_twice(cluster, journal):
    year = finance_ready()
    org_a, org_b, *_rest = councils()
    voter_a, voter_b = voting_contact(org_a), voting_contact(org_b)
    admin = staff(UserRole.NETWORK_ADMIN)
    second_admin = staff(UserRole.NETWORK_ADMIN)
    officer = staff(UserRole.FINANCE_OFFICER)
    admin_browser, second_browser, officer_browser = signed_in(
        cluster, journal, [admin, second_admin, officer]
    )

    book_the_last_place(cluster, journal)
    cast_one_ballot(cluster, journal, admin[0], voter_a, voter_b)
    run_invoices_once(cluster, year, [officer_browser, admin_browser])
    approve_once(cluster, [admin_browser, second_browser])
    pay_once(cluster, [officer_browser, admin_browser])

    # Both task workers took tasks from the one queue; each task ran once, on one worker.
    tasks = drained(cluster)
    assert tasks
    assert {t.status for t in tasks} == {"SUCCESSFUL"}, [
        (t.task_path, t.status, t.exception_class_path, t.traceback) for t in tasks
    ]
    assert all(len(t.worker_ids) == 1 for t in tasks), [t.worker_ids for t in tasks]
    claimed = Counter(t.worker_ids[0] for t in tasks)
    assert set(claimed) == set(cluster.worker_ids), claimed

    # Every email those tasks sent was sent once: each booker heard once about their place,
    # each member's invoice contact once about its invoice, the new member was welcomed once.
    sent = mail_sent(cluster)
    for registration in Registration.objects.all():
        assert to(sent, registration.email) == 1, (registration.email, sent)
    for code in COUNCILS:
        assert to(sent, f"invoices@{code.lower()}.example", "Invoice INV-") == 1, (code, sent)
    assert to(sent, "invoices@example.org", "Invoice INV-") == 1, sent
    assert to(sent, "carys.pugh@example.org", "Welcome to") == 1, sent


class LostEdit(AssertionError):
    """One person's saved change was overwritten by another's, and nobody was told."""


def test_two_officers_editing_one_profile_at_once_lose_neither_edit(cluster, journal):
    """Two profile managers open the edit page, one changes the description, the other the
    telephone number, and both save at once through different servers: both changes are kept,
    or the second is refused (never both told "saved" while one change silently disappears)."""
    council = CouncilFactory(la_code="OLD", description="Old words.", phone="01632 960000")
    MembershipFactory(organisation=council, category=category("full"))
    officers = []
    for _ in range(2):
        user = person(UserRole.MEMBER_OFFICER)
        officer = PersonFactory(user=user, full_name=user.full_name)
        RoleFactory(
            person=officer,
            organisation=council,
            kind=RoleKind.OFFICER_LEAD,
            manages_profile=True,
        )
        officers.append(user)
    browsers = signed_in(cluster, journal, [(u, None) for u in officers])
    path = f"/members/{council.slug}/edit/"
    shown = {"description": "Old words.", "website": "", "email": "", "phone": "01632 960000"}
    forms = []
    for i, browser in enumerate(browsers):
        page = browser.open(cluster.servers[i], path)
        assert page.says("Old words."), page.text
        assert page.says("01632 960000"), page.text
        forms.append(
            {
                "csrfmiddlewaretoken": page.csrf(),
                **shown,
                "address": "",
                "shown": page.hidden("shown"),  # what the page showed, as a browser sends it
            }
        )
    forms[0]["description"] = "New words from the first officer."
    forms[1]["phone"] = "01632 960999"
    results = at_once([(browsers[i], cluster.servers[i], path, forms[i]) for i in range(2)])
    assert all(p.status == 200 for p in results), [p.chain for p in results]
    saved = [p for p in results if p.says("has been saved")]
    council.refresh_from_db()
    both_kept = (council.description, council.phone) == (
        "New words from the first officer.",
        "01632 960999",
    )
    # Either both edits are kept, or the one that would overwrite the other is refused.
    if not (both_kept or len(saved) == 1):
        raise LostEdit(
            f"{len(saved)} of 2 officers were told the profile was saved, but it has "
            f"description={council.description!r} phone={council.phone!r}"
        )
