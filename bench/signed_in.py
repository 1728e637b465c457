"""Run by bench/run.py against one benchmark database, in-process with Django, before gunicorn.

    python bench/signed_in.py SCALE SEED

1. Fills what `generate_synthetic` leaves empty and the signed-in pages show: synthetic case
   studies (`coopnet.knowledge.synthetic`, 10 per unit of scale), the governance bodies and their
   seats (`ensure_bodies`) with appointments of real people from current member organisations
   (through `appointment_create`, so the composition rules hold), the seeds' funding rounds, the
   finance settings and fee schedules, and this membership year's invoice run (through
   `invoice_run_confirm`: every current member is invoiced, as in September); then rebuilds the
   site search index (bulk writes fire no index signal).
2. Creates a network admin who is also finance officer (staff: two-step verification on every
   page when `REQUIRE_STAFF_TWO_STEP` is on, as in production), with an authenticator app (TOTP),
   and signs in through the real sign-in form, then the two-step form with the code computed from
   the app's secret: a real session in the session store, as a browser's.
3. Requests every signed-in page in-process with that session: each must answer 200 (not a
   redirect to sign in or to set up two-step verification), or this exits 1 saying which.

Prints one JSON line: the session cookie, the endpoints (name, paths), the SQL queries of a warm
request to each, what was created, and the endpoints skipped with the reason.
"""

from __future__ import annotations

import json
import random
import re
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EMAIL = "bench-staff@example.org"
PASSWORD = "bench-staff-password-long-and-unusual"
BARE_PATH = "/bench/bare/"
CASE_STUDIES_PER_UNIT = 10
SEARCH_WORDS = 1000
TRIES_PER_SEAT = 300
Result = dict[str, Any]


class PrepareError(Exception):
    """A signed-in page cannot be measured honestly."""


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- the bench user ----------------------------------------------------------------------------


def staff_user() -> tuple[Any, str]:
    """A network admin and finance officer with a verified email and an authenticator app."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth.models import Group

    from coopnet.accounts.models import User
    from coopnet.accounts.roles import UserRole

    user = User.objects.create_user(EMAIL, PASSWORD, full_name="Bench Staff", is_staff=True)
    for role in (UserRole.NETWORK_ADMIN, UserRole.FINANCE_OFFICER):
        user.groups.add(Group.objects.get(name=role))
    EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return user, secret


def totp_code(secret: str) -> str:
    from allauth.mfa import app_settings as mfa_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    counter = int(time.time()) // mfa_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))


def sign_in(secret: str) -> Any:
    """The sign-in form, then the two-step form: a test client holding a verified session."""
    from django.test import Client
    from django.urls import reverse

    client = Client(raise_request_exception=True)
    response = client.post(reverse("account_login"), {"login": EMAIL, "password": PASSWORD})
    if response.status_code != 302 or response["Location"] != reverse("mfa_authenticate"):
        raise PrepareError(
            f"signing in did not ask for the two-step code: {response.status_code} "
            f"{response.get('Location', '')}"
        )
    for _attempt in range(2):  # a code computed at the very end of its period may be refused
        response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
        if response.status_code == 302:
            break
        time.sleep(2)
    if response.status_code != 302 or response["Location"] != reverse("site:dashboard"):
        raise PrepareError(f"the two-step code was refused: {response.status_code}")
    return client


# --- data the synthetic registry does not have -------------------------------------------------


def case_studies(scale: float, seed: int) -> int:
    from coopnet.knowledge.synthetic import generate_case_studies

    return generate_case_studies(max(10, round(CASE_STUDIES_PER_UNIT * scale)), seed)


def governance(user: Any) -> dict[str, int]:
    """The bodies and seats, and real people from current member organisations appointed to
    them from the start of this membership year (the service refuses anyone the rules refuse)."""
    from django.utils import timezone

    from coopnet.core.membership_year import year_of, year_start
    from coopnet.core.periods import current_on_q
    from coopnet.governance.composition import ensure_bodies
    from coopnet.governance.models import Appointment, Seat
    from coopnet.governance.services.appointments import (
        appointment_create,
        appointment_problems,
    )
    from coopnet.members.models import Membership, Organisation, OrganisationKind, Role

    today = timezone.localdate()
    start = year_start(year_of(today))
    holders = Membership.objects.filter(current_on_q(start) & current_on_q(today)).values(
        "organisation"
    )
    members = Organisation.objects.filter(pk__in=holders)
    accountable = members.filter(kind=OrganisationKind.PRINCIPAL_COUNCIL).order_by("pk").first()
    ensure_bodies(accountable_body=accountable)
    roles = list(
        Role.objects.filter(current_on_q(start) & current_on_q(today), organisation__in=members)
        .select_related("person", "organisation")
        .order_by("pk")[:5000]
    )
    rng = random.Random(2012)
    appointed = 0
    for seat in Seat.objects.select_related("body", "reserved_for").order_by("body", "order"):
        how = Appointment.How.EX_OFFICIO if seat.ex_officio_of_id else Appointment.How.ELECTED
        wanted = seat.places or 1
        candidates = [r for r in roles if seat.reserved_for_id in (None, r.organisation_id)]
        rng.shuffle(candidates)
        for role in candidates[:TRIES_PER_SEAT]:
            if wanted == 0:
                break
            person, organisation = role.person, role.organisation
            if appointment_problems(
                seat=seat, person=person, organisation=organisation, start=start, end=None, how=how
            ):
                continue
            appointment_create(
                seat=seat,
                person=person,
                organisation=organisation,
                start=start,
                how=how,
                by=user,
                source="bench",
            )
            appointed += 1
            wanted -= 1
    return {"seats": Seat.objects.count(), "appointments": appointed}


def funding() -> list[int]:
    """The seeds' funding rounds (coopnet.funding.demo), with their pots."""
    from coopnet.funding.demo import ROUNDS
    from coopnet.funding.models import Round, RoundPot, Scheme

    schemes = {s.kind: s for s in Scheme.objects.all()}
    years = []
    for item in ROUNDS:
        rnd, _created = Round.objects.get_or_create(
            year=item["year"], defaults={"theme": item["theme"], "description": item["description"]}
        )
        for kind, amount in item["pots"].items():
            RoundPot.objects.get_or_create(
                round=rnd, scheme=schemes[kind], defaults={"amount": amount}
            )
        years.append(rnd.year)
    return years


def invoices(user: Any) -> int:
    """Finance settings and fees as the seeds give them, then this year's invoice run."""
    from decimal import Decimal

    from django.utils import timezone

    from coopnet.core.membership_year import year_of
    from coopnet.demo.loader import LoadSummary
    from coopnet.finance import demo
    from coopnet.finance.models import FinanceSettings
    from coopnet.finance.services import fee_schedule_set, invoice_run_confirm
    from coopnet.members.models import MembershipCategory

    demo.load(LoadSummary())
    config = FinanceSettings.objects.order_by("pk").get()
    config.payment_instructions = "BACS to the Accountable Body (bench: not a real account)"
    config.save()
    today = timezone.localdate()
    year = year_of(today)
    fees = {
        "full": Decimal("3500.00"),
        "associate": Decimal("250.00"),
        "affiliate": Decimal("250.00"),
    }
    for code, amount in fees.items():
        category = MembershipCategory.objects.get(code=code)
        fee_schedule_set(year=year, category=category, amount=amount, source="bench", by=user)
    run = invoice_run_confirm(year=year, on=today, by=user)
    return int(run.invoice_count)


def search_words(seed: int) -> list[str]:
    """Distinct words from case study titles and organisation names, in a seeded order."""
    from coopnet.knowledge.models import CaseStudy
    from coopnet.members.models import Organisation

    words: set[str] = set()
    for text in [
        *CaseStudy.objects.values_list("title", flat=True)[:5000],
        *Organisation.objects.values_list("name", flat=True)[:20000],
    ]:
        words.update(re.findall(r"[a-z]{4,}", text.lower()))
    ordered = sorted(words)
    random.Random(seed).shuffle(ordered)
    return ordered[:SEARCH_WORDS]


# --- the endpoints -----------------------------------------------------------------------------


def endpoints(
    slugs: list[str], words: list[str], skipped: dict[str, str]
) -> list[tuple[str, list[str]]]:
    from coopnet.governance.models import Body
    from coopnet.knowledge.models import CaseStudy

    case_study = CaseStudy.objects.filter(status=CaseStudy.Status.COMPLETED).order_by("pk").first()
    body = Body.objects.order_by("order").first()
    from coopnet.funding.models import Round

    rnd = Round.objects.order_by("-year").first()
    found: list[tuple[str, list[str]]] = [
        ("bare_signed_in", [BARE_PATH]),
        ("home_signed_in", ["/"]),
        ("directory_signed_in", ["/members/"]),
        ("directory_filtered_signed_in", ["/members/?kind=principal_council"]),
        ("organisation_signed_in", [f"/members/{slug}/" for slug in slugs]),
        ("search_signed_in", [f"/search/?q={word}" for word in words]),
        (
            "case_study_signed_in",
            [f"/knowledge/case-studies/{case_study.slug}/"] if case_study else [],
        ),
        ("governance_body_signed_in", [f"/governance/{body.slug}/"] if body else []),
        ("invoices_signed_in", ["/finance/"]),
        ("funding_round_signed_in", [f"/funding/rounds/{rnd.year}/"] if rnd else []),
        ("dashboard_signed_in", ["/dashboard/"]),
    ]
    for name, paths in found:
        if not paths and name not in skipped:
            skipped[name] = "no such record in the prepared data"
    return [(name, paths) for name, paths in found if paths and name not in skipped]


def count_queries(client: Any, paths: list[str]) -> Result:
    """Statuses and queries of a warm request to each path (at most 5 paths: search has 1000)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts, statuses = [], []
    for path in paths[:5]:
        client.get(path)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        counts.append(len(captured.captured_queries))
        statuses.append(response.status_code)
        if response.status_code != 200:
            where = response.get("Location", "")
            raise PrepareError(f"{path} answered {response.status_code} {where} when signed in")
    return {
        "per_path": dict(zip(paths, counts, strict=False)),
        "statuses": statuses,
        "max": max(counts),
    }


def timed(label: str, created: Result, skipped: dict[str, str], endpoint: str, step: Any) -> None:
    """Run one preparation step; on a domain error, skip the endpoint that needs it, saying why."""
    from coopnet.core.errors import DomainError

    began = time.perf_counter()
    try:
        created[label] = step()
    except DomainError as exc:
        skipped[endpoint] = f"could not prepare {label}: {exc}"
        say(f"  {skipped[endpoint]}")
    created[f"{label}_seconds"] = round(time.perf_counter() - began, 1)
    say(f"  {label}: {created.get(label)} in {created[f'{label}_seconds']} s")


def main() -> None:
    scale, seed = float(sys.argv[1]), int(sys.argv[2])
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client
    from inspect_pages import pick_slugs

    from coopnet.core.search.index import rebuild

    if not settings.REQUIRE_STAFF_TWO_STEP:
        raise PrepareError(
            "REQUIRE_STAFF_TWO_STEP is off: the bench measures staff as in production"
        )
    user, secret = staff_user()
    created: Result = {}
    skipped: dict[str, str] = {}
    timed(
        "case_studies", created, skipped, "case_study_signed_in", lambda: case_studies(scale, seed)
    )
    timed("governance", created, skipped, "governance_body_signed_in", lambda: governance(user))
    timed("funding_rounds", created, skipped, "funding_round_signed_in", funding)
    timed("invoices", created, skipped, "invoices_signed_in", lambda: invoices(user))
    timed("search_index", created, skipped, "search_signed_in", rebuild)
    client = sign_in(secret)
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    found = endpoints(pick_slugs(), search_words(seed), skipped)
    queries = {name: count_queries(client, paths) for name, paths in found}
    anonymous = Client(raise_request_exception=False)
    queries["bare"] = {"max": 0, "statuses": [], "per_path": {}}
    anonymous.get(BARE_PATH)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        status = anonymous.get(BARE_PATH).status_code
    queries["bare"] = {
        "max": len(captured),
        "statuses": [status],
        "per_path": {BARE_PATH: len(captured)},
    }
    print(
        json.dumps(
            {
                "cookie": cookie,
                "endpoints": found,
                "queries": queries,
                "created": created,
                "skipped": skipped,
                "user": {"email": EMAIL, "roles": ["network_admin", "finance_officer"]},
            }
        )
    )


if __name__ == "__main__":
    try:
        main()
    except PrepareError as exc:
        say(f"signed-in preparation failed: {exc}")
        sys.exit(1)
