"""Elections' part of the permission matrix (see coopnet/core/tests/matrix.py)."""

from __future__ import annotations

from typing import Any

from coopnet.core.tests.matrix import (
    DENY,
    OK,
    REDIRECT,
    Entry,
    admins_only,
    everyone,
    signed_in,
)
from coopnet.governance.elections import services
from coopnet.governance.elections.models import Election, Method
from coopnet.members.models import RoleKind
from coopnet.members.tests.factories import RoleFactory

from .helpers import advance_to, make_body, make_election, make_seat, nominate, person_with_role

State = Election.State


def _slug(key: str):
    return lambda c: {"slug": c[key].slug}


def acting_for_a_or_b(other: object = DENY) -> dict[str, object]:
    """Officers act for their organisation; everyone else signed in is refused."""
    return {**signed_in(other), "officer_a": OK, "officer_b": OK}


ENTRIES: dict[str, Entry] = {
    "elections:list": Entry(everyone(OK)),
    "elections:create": Entry(admins_only()),
    "elections:receipt": Entry(everyone(OK), query="?code=ABCD-EFGH-JKLM-NPQR"),
    "elections:detail": Entry(everyone(OK), _slug("election_nominations")),
    "elections:edit": Entry(admins_only(), _slug("election_draft")),
    "elections:manage": Entry(admins_only(), _slug("election_nominations")),
    # A page that says what the next stage does and asks for confirmation.
    "elections:advance": Entry(admins_only(), _slug("election_draft")),
    "elections:electorate": Entry(admins_only(), _slug("election_voting")),
    "elections:can_i_vote": Entry(signed_in(OK), _slug("election_nominations")),
    "elections:nominate": Entry(acting_for_a_or_b(), _slug("election_nominations")),
    "elections:nomination": Entry(
        {**signed_in(DENY), "officer_a": OK, "network_admin": OK},
        lambda c: {"slug": c["election_nominations"].slug, "pk": c["nomination"].pk},
    ),
    "elections:nomination_accept": Entry(
        {**signed_in(DENY), "officer_a": REDIRECT},
        lambda c: {"slug": c["election_nominations"].slug, "pk": c["nomination"].pk},
        method="post",
    ),
    "elections:nomination_decline": Entry(
        {**signed_in(DENY), "officer_a": REDIRECT},
        lambda c: {"slug": c["election_nominations"].slug, "pk": c["nomination"].pk},
        method="post",
    ),
    "elections:delegate": Entry(acting_for_a_or_b(), _slug("election_nominations")),
    # officer_a is org_a's voting contact; nobody else here may vote.
    "elections:ballot": Entry(
        {**signed_in(DENY), "officer_a": OK},
        lambda c: {"slug": c["election_voting"].slug, "contest_id": c["voting_contest"].pk},
    ),
    "elections:results_csv": Entry(everyone(OK), _slug("election_published")),
    "elections:results_pdf": Entry(everyone(OK), _slug("election_published")),
    # API: published results only, public.
    "api:election-list": Entry(everyone(OK)),
    "api:election-detail": Entry(everyone(OK), _slug("election_published")),
}


def site_context(ctx: dict[str, Any]) -> dict[str, Any]:
    users = ctx["users"]
    admin, officer_a, officer_b = users["network_admin"], users["officer_a"], users["officer_b"]
    org_a, org_b = ctx["org_a"], ctx["org_b"]
    RoleFactory(person=officer_a.person, organisation=org_a, kind=RoleKind.VOTING_CONTACT)
    body = make_body("matrix-eoc")
    seat = make_seat(body, places=1, name="Full member representative")

    draft = make_election(admin, [seat], title="Matrix draft election")

    nominations = advance_to(
        make_election(admin, [seat], title="Matrix nominations"), State.NOMINATIONS, admin
    )
    nomination = nominate(nominations, nominations.contests.get(), officer_a, org_a, by=officer_a)

    voting = advance_to(
        make_election(admin, [seat], title="Matrix voting"), State.NOMINATIONS, admin
    )
    contest = voting.contests.get()
    for org, by in ((org_a, officer_a), (org_b, officer_b)):
        candidate = person_with_role(org)
        services.nomination_accept(
            nomination=nominate(voting, contest, candidate, org, by=by), by=candidate
        )
    voting = advance_to(voting, State.VOTING, admin)

    published = make_election(admin, [seat], title="Matrix published", method=Method.STV)
    published = advance_to(published, State.NOMINATIONS, admin)
    p_contest = published.contests.get()
    for org, by in ((org_a, officer_a), (org_b, officer_b)):
        candidate = person_with_role(org)
        services.nomination_accept(
            nomination=nominate(published, p_contest, candidate, org, by=by), by=candidate
        )
    published = advance_to(published, State.VOTING, admin)
    first = p_contest.nominations.filter(status="accepted").order_by("pk").first()
    assert first is not None
    services.ballot_cast(contest=p_contest, organisation=org_a, choices=[first.pk], by=officer_a)
    published = advance_to(published, State.PUBLISHED, admin)
    return {
        "election_draft": draft,
        "election_nominations": nominations,
        "nomination": nomination,
        "election_voting": voting,
        "voting_contest": contest,
        "election_published": published,
    }
