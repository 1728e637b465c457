"""Fixtures for funding: an open round, the review bodies with a member each, a joint meeting."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

import pytest
from django.utils import timezone

from coopnet.core.models import Principle
from coopnet.funding import services
from coopnet.funding.models import Round, Scheme, SchemeRule
from coopnet.funding.schemes import load_schemes
from coopnet.funding.tests.factories import SYSTEM
from coopnet.governance.tests.factories import (
    AppointmentFactory,
    BodyFactory,
    MeetingFactory,
    SeatFactory,
)
from coopnet.members.tests.factories import PersonFactory, UserFactory

if TYPE_CHECKING:
    from coopnet.governance.models import Appointment, Body, Meeting


@pytest.fixture(autouse=True)
def _schemes(db) -> None:
    """Transactional tests flush the data migration's schemes; put them back."""
    if not Scheme.objects.exists():
        load_schemes(Scheme, SchemeRule)


@pytest.fixture
def lab(db) -> Scheme:
    return Scheme.objects.get(kind="lab")


@pytest.fixture
def prototype(db) -> Scheme:
    return Scheme.objects.get(kind="prototype")


@pytest.fixture
def open_round(lab, prototype) -> Round:
    today = timezone.localdate()
    return services.round_save(
        year=today.year,
        theme="Co-operative care",
        opens_on=today - timedelta(days=10),
        closes_on=today + timedelta(days=20),
        pots={lab: Decimal("60000"), prototype: Decimal("15000")},
        criteria=[("Co-operative difference", "", 5), ("Learning for the network", "", 5)],
        by=SYSTEM,
    )


@pytest.fixture
def bodies(db) -> dict[str, Body]:
    return {
        "eoc": BodyFactory.create(slug="eoc", name="Executive Oversight Committee"),
        "vp-board": BodyFactory.create(slug="vp-board", name="Values and Principles Board"),
    }


def serve(body: Body, person, organisation=None) -> Appointment:
    seat = SeatFactory.create(body=body, name="Member", constituency="full", places=6)
    return AppointmentFactory.create(
        seat=seat, person=person, organisation=organisation, start=date(2020, 1, 1), how="elected"
    )


@pytest.fixture
def reviewer(bodies, board_member):
    person = PersonFactory(user=board_member, full_name=board_member.full_name)
    serve(bodies["eoc"], person)
    return person


@pytest.fixture
def reviewer_from_a(bodies, org_a):
    """A V&P Board member who represents organisation A."""
    user = UserFactory(roles=["board_member"])
    person = PersonFactory(user=user, full_name="Ada Conflicted")
    serve(bodies["vp-board"], person, org_a)
    return person


@pytest.fixture
def joint_meeting(bodies) -> Meeting:
    return MeetingFactory.create(
        title="Joint EOC and V&P Board meeting",
        kind="joint",
        # the day after the open round closes: decisions come after the round
        starts_at=timezone.make_aware(
            datetime.combine(timezone.localdate() + timedelta(days=21), datetime.min.time())
        ),
        bodies=list(bodies.values()),
    )


@pytest.fixture
def principle(db) -> Principle:
    return Principle.objects.get(slug="co-production")


def complete_bid(bid, *, by, principle, amount=Decimal("8000"), months=8, lines=None):
    """Fill in every part of a draft bid so that it can be submitted."""
    start = timezone.localdate() + timedelta(days=40)
    end = start + timedelta(days=int(months * 30.5))
    services.bid_update(
        bid=bid,
        by=by,
        summary="What it is",
        problem="The problem",
        approach="The approach",
        outputs="A report and a toolkit",
        locality="Town centre",
        starts_on=start,
        ends_on=end,
        principles=[principle],
    )
    services.bid_set_budget(
        bid=bid, by=by, lines=lines or [("Staff time", amount - 1000), ("Events", Decimal(1000))]
    )
    services.bid_set_milestones(bid=bid, by=by, milestones=[("Kick-off", start)])
    bid.refresh_from_db()
    return bid
