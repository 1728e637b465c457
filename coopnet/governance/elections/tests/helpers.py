"""Building elections for tests through the services, as staff would."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from coopnet.accounts.roles import UserRole
from coopnet.governance.elections import services
from coopnet.governance.elections.models import Election, Method
from coopnet.governance.models import Body, Constituency, Seat
from coopnet.governance.tests.factories import BodyFactory, SeatFactory
from coopnet.members.models import LocalAuthority, RoleKind
from coopnet.members.tests.factories import (
    CouncilFactory,
    MembershipFactory,
    PersonFactory,
    RoleFactory,
    UserFactory,
    category,
)

ORDER: list[str] = [
    Election.State.DRAFT,
    Election.State.NOMINATIONS,
    Election.State.NOMINATIONS_CLOSED,
    Election.State.VOTING,
    Election.State.VOTING_CLOSED,
    Election.State.COUNTED,
    Election.State.PUBLISHED,
]


def make_body(slug: str = "eoc") -> Body:
    return BodyFactory.create(slug=slug, name="Executive Oversight Committee", short_name="EOC")


def make_seat(body: Body, constituency: str = Constituency.FULL, places: int = 2, **kw) -> Seat:
    kw.setdefault("order", 0)
    return SeatFactory.create(body=body, constituency=constituency, places=places, **kw)


def details(title: str = "EOC elections 2026", method: str = Method.FPTP, **changes):
    now = timezone.now()
    values: dict[str, Any] = {
        "title": title,
        "method": method,
        "term_start": timezone.localdate() + timedelta(days=30),
        "term_end": timezone.localdate() + timedelta(days=30 + 730),
        "nominations_open": now - timedelta(hours=1),
        "nominations_close": now + timedelta(hours=1),
        "voting_open": now + timedelta(hours=2),
        "voting_close": now + timedelta(hours=3),
        "count_at": None,
        "results_at": None,
    }
    values.update(changes)
    return services.ElectionDetails(**values)


def make_election(admin, seats, **changes) -> Election:
    return services.election_create(seats=seats, details=details(**changes), by=admin)


def advance_to(election: Election, state: str, admin) -> Election:
    while ORDER.index(election.state) < ORDER.index(state):
        election = services.election_advance(
            election=election, expected_state=election.state, by=admin
        )
    return election


def person_with_role(organisation, kind: str = RoleKind.COUNCILLOR, *, account: bool = True):
    """A person holding a role at the organisation (with a sign-in account if `account`)."""
    user = UserFactory(roles=[UserRole.MEMBER_OFFICER]) if account else None
    person = PersonFactory(user=user, full_name=user.full_name if user else "Someone Else")
    RoleFactory(person=person, organisation=organisation, kind=kind)
    return user or person


def nominate(election, contest, nominee_user, organisation, by, statement="I will serve."):
    return services.nomination_create(
        contest=contest,
        person=nominee_user.person,
        organisation=organisation,
        nominating_organisation=organisation,
        statement=statement,
        by=by,
    )


def election_in_voting(admin, seat: Seat, voters: int) -> tuple[Election, list[tuple[Any, Any]]]:
    """An election on `seat` in voting, with `voters` Full member councils, each with a voting
    contact (returned as (council, contact user) pairs); three of them stand."""
    pairs = []
    codes = LocalAuthority.objects.order_by("code").values_list("code", flat=True)[:voters]
    for code in codes:
        council = CouncilFactory(la_code=code)
        MembershipFactory(organisation=council, category=category("full"))
        pairs.append((council, person_with_role(council, RoleKind.VOTING_CONTACT)))
    election = advance_to(make_election(admin, [seat]), Election.State.NOMINATIONS, admin)
    contest = election.contests.get()
    for council, user in pairs[:3]:
        nomination = nominate(election, contest, user, council, by=user)
        services.nomination_accept(nomination=nomination, by=user)
    return advance_to(election, Election.State.VOTING, admin), pairs
