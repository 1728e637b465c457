"""Reads for elections. Each returns a queryset or value with its joins already set."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import F, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from coopnet.accounts.models import User
from coopnet.core.actors import Actor
from coopnet.governance.models import Body, Constituency
from coopnet.members.models import Membership, Organisation, Person, Role, RoleKind

from .models import (
    ELECTED_CONSTITUENCIES,
    Ballot,
    Contest,
    CountStage,
    Delegation,
    Election,
    ElectionEvent,
    Elector,
    Nomination,
    VoteMark,
)

NEWEST_FIRST = (F("term_start").desc(nulls_last=True), "-created_at", "title")


# --- elections ----------------------------------------------------------------------------------


def elections_listing(*, include_drafts: bool) -> QuerySet[Election]:
    qs = Election.objects.select_related("body").order_by(*NEWEST_FIRST)
    return qs if include_drafts else qs.exclude(state=Election.State.DRAFT)


def published_elections() -> QuerySet[Election]:
    """Elections whose results are public, with everything a result sheet shows."""
    return (
        Election.objects.filter(state=Election.State.PUBLISHED)
        .select_related("body")
        .prefetch_related(contests_prefetch(with_stages=True))
        .order_by(*NEWEST_FIRST)
    )


def contests_prefetch(*, with_stages: bool = False) -> Prefetch:
    nominations = Nomination.objects.select_related("person", "organisation").order_by(
        "elected_order", "person__full_name", "pk"
    )
    lookups: list[Any] = [Prefetch("nominations", queryset=nominations)]
    if with_stages:
        lookups.append(Prefetch("stages", queryset=CountStage.objects.order_by("number")))
    return Prefetch(
        "contests",
        queryset=Contest.objects.select_related("seat").prefetch_related(*lookups),
    )


def election_for_page(slug: str, *, with_stages: bool = False) -> Election:
    return (
        Election.objects.select_related("body")
        .prefetch_related(contests_prefetch(with_stages=with_stages))
        .get(slug=slug)
    )


def next_election_for(body: Body) -> Election | None:
    """The body's next election not yet decided (for the body's page)."""
    return (
        Election.objects.filter(body=body)
        .exclude(state__in=[Election.State.DRAFT, Election.State.PUBLISHED])
        .order_by("term_start")
        .first()
    )


def election_events(election: Election) -> QuerySet[ElectionEvent]:
    return election.events.select_related("by").order_by("at", "pk")


def constituencies_of(election: Election) -> list[str]:
    return sorted({c.seat.constituency for c in election.contests.all()})


def electorate_date(election: Election) -> date:
    """The day the electorate is taken from the registry: the day voting opens (or today, if
    that day has passed and the electorate is not yet fixed)."""
    if election.electorate_on:
        return election.electorate_on
    today = timezone.localdate()
    if election.voting_open:
        return max(timezone.localdate(election.voting_open), today)
    return today


# --- the registry, as elections need it ---------------------------------------------------------


def category_on(organisation: Organisation, on: date) -> str | None:
    """The code of the category the organisation holds on the date, if any."""
    return (
        Membership.objects.current_on(on)
        .filter(organisation=organisation)
        .order_by("-start")
        .values_list("category__code", flat=True)
        .first()
    )


def voting_contact_roles(person: Person | None, on: date) -> QuerySet[Role]:
    """The person's roles as an organisation's voting contact on `on` (the period rule)."""
    if person is None:
        return Role.objects.none()
    return Role.objects.current_on(on).filter(person=person, kind=RoleKind.VOTING_CONTACT)


def acting_organisations(user: Actor, on: date) -> QuerySet[Organisation]:
    """Organisations the user may act for in elections on `on`: those whose profile they manage
    (`Role.objects.managing`, the one rule) and those whose voting contact they are."""
    person = getattr(user, "person", None) if getattr(user, "is_authenticated", False) else None
    if person is None:
        return Organisation.objects.none()
    managed = Role.objects.managing(person, on=on).values("organisation_id")
    contact = voting_contact_roles(person, on).values("organisation_id")
    return Organisation.objects.filter(Q(pk__in=managed) | Q(pk__in=contact)).order_by("name")


def roles_at(
    organisations: QuerySet[Organisation] | list[Organisation], on: date
) -> QuerySet[Role]:
    """Everyone holding a role, current on `on`, at one of the organisations."""
    return (
        Role.objects.current_on(on)
        .filter(organisation__in=organisations)
        .select_related("person", "organisation")
        .order_by("organisation__name", "person__full_name")
    )


def holds_role_at(person: Person, organisation: Organisation, on: date) -> bool:
    return Role.objects.current_on(on).filter(person=person, organisation=organisation).exists()


def nominee_roles(constituencies: set[str] | list[str], on: date) -> QuerySet[Role]:
    """People who may be nominated: anyone with a role, current on the date, at an organisation
    that is a member of one of the constituencies on that date."""
    members = Membership.objects.current_on(on).filter(category__code__in=list(constituencies))
    return (
        Role.objects.current_on(on)
        .filter(organisation_id__in=members.values("organisation_id"))
        .select_related("person", "organisation")
        .order_by("person__full_name", "organisation__name", "pk")
    )


@dataclass
class ElectoratePreviewRow:
    organisation: Organisation
    constituency: str
    contacts: list[Person] = field(default_factory=list)
    delegate: Person | None = None

    @property
    def constituency_label(self) -> str:
        return str(Constituency(self.constituency).label)


def electorate_preview(election: Election, on: date) -> list[ElectoratePreviewRow]:
    """The electorate the registry gives on `on`: each member organisation of a constituency
    the election fills, its voting contacts, and any delegate. Three queries."""
    constituencies = constituencies_of(election)
    memberships = (
        Membership.objects.current_on(on)
        .filter(category__code__in=constituencies)
        .select_related("organisation", "category")
        .exclude(organisation__isnull=True)
        .order_by("category__order", "organisation__name")
    )
    rows = {
        m.organisation_id: ElectoratePreviewRow(m.organisation, m.category.code)
        for m in memberships
        if m.organisation is not None
    }
    contacts = (
        Role.objects.current_on(on)
        .filter(kind=RoleKind.VOTING_CONTACT, organisation_id__in=list(rows))
        .select_related("person")
    )
    for role in contacts.order_by("person__full_name"):
        rows[role.organisation_id].contacts.append(role.person)
    for delegation in Delegation.objects.filter(election=election).select_related("person"):
        if delegation.organisation_id in rows:
            rows[delegation.organisation_id].delegate = delegation.person
    return list(rows.values())


def frozen_electorate(election: Election) -> QuerySet[Elector]:
    return (
        Elector.objects.filter(election=election)
        .select_related("organisation")
        .prefetch_related("contacts", "marks")
        .order_by("constituency", "organisation__name")
    )


def delegations_by_organisation(election: Election) -> dict[int, Delegation]:
    return {
        d.organisation_id: d
        for d in Delegation.objects.filter(election=election).select_related("person")
    }


# --- can I vote? --------------------------------------------------------------------------------


@dataclass
class VotingRight:
    """One organisation the person may vote for, in which constituency and contests."""

    organisation: Organisation
    constituency: str
    contests: list[Contest]
    elector: Elector | None = None
    voted_in: set[int] = field(default_factory=set)  # contest ids already voted in
    delegated: bool = False

    @property
    def constituency_label(self) -> str:
        return str(Constituency(self.constituency).label)

    @property
    def contests_left(self) -> list[Contest]:
        return [c for c in self.contests if c.pk not in self.voted_in]


@dataclass
class VotingAnswer:
    rights: list[VotingRight]
    reasons: list[str]  # why not, for each organisation considered (or in general)
    on: date


def _contests_by_constituency(election: Election) -> dict[str, list[Contest]]:
    result: dict[str, list[Contest]] = defaultdict(list)
    for contest in election.contests.all():
        if not contest.uncontested:
            result[contest.seat.constituency].append(contest)
    return result


def _rights_from_electorate(election: Election, person: Person) -> VotingAnswer:
    by_constituency = _contests_by_constituency(election)
    delegated_orgs = set(
        Delegation.objects.filter(election=election, person=person).values_list(
            "organisation_id", flat=True
        )
    )
    electors = (
        Elector.objects.filter(election=election)
        .filter(Q(contacts=person) | Q(organisation_id__in=delegated_orgs))
        .select_related("organisation")
        .prefetch_related("marks")
        .distinct()
    )
    rights = [
        VotingRight(
            organisation=e.organisation,
            constituency=e.constituency,
            contests=by_constituency.get(e.constituency, []),
            elector=e,
            voted_in={m.contest_id for m in e.marks.all()},
            delegated=e.organisation_id in delegated_orgs,
        )
        for e in electors
    ]
    reasons = []
    if not rights:
        reasons.append(
            _(
                "You are not a voting contact of an organisation in this election's electorate, "
                "and no organisation in it has delegated its vote to you."
            )
        )
    assert election.electorate_on is not None
    return VotingAnswer(rights, reasons, election.electorate_on)


def _rights_from_registry(election: Election, person: Person, on: date) -> VotingAnswer:
    by_constituency = _contests_by_constituency(election)
    contact_orgs = {
        r.organisation for r in voting_contact_roles(person, on).select_related("organisation")
    }
    delegated = {
        d.organisation
        for d in Delegation.objects.filter(election=election, person=person).select_related(
            "organisation"
        )
    }
    rights, reasons = [], []
    for organisation in sorted(contact_orgs | delegated, key=lambda o: o.name):
        code = category_on(organisation, on)
        if code is None:
            reasons.append(
                _("%(org)s is not a member on %(date)s.")
                % {"org": organisation.name, "date": date_format(on, "j F Y")}
            )
        elif code not in by_constituency:
            reasons.append(
                _("%(org)s's members do not elect any seat at this election.")
                % {"org": organisation.name}
            )
        else:
            rights.append(
                VotingRight(
                    organisation, code, by_constituency[code], delegated=organisation in delegated
                )
            )
    if not contact_orgs and not delegated:
        reasons.append(
            _(
                "You are not recorded as the voting contact of a member organisation, and no "
                "organisation has delegated its vote to you. Ask your organisation to update "
                "its contacts."
            )
        )
    return VotingAnswer(rights, reasons, on)


def voting_rights(user: User, election: Election) -> VotingAnswer:
    """For whom, and in which contests, the user may vote: from the fixed electorate once voting
    has opened, before that from the registry as it stands for the day voting opens."""
    person = getattr(user, "person", None)
    on = electorate_date(election)
    if person is None:
        return VotingAnswer(
            [], [_("Your account is not linked to a person in the membership registry.")], on
        )
    if election.electorate_on is not None:
        return _rights_from_electorate(election, person)
    return _rights_from_registry(election, person, on)


# --- ballots and receipts -----------------------------------------------------------------------


def candidates(contest: Contest) -> QuerySet[Nomination]:
    return (
        contest.nominations.filter(status=Nomination.Status.ACCEPTED)
        .select_related("person", "organisation")
        .order_by("person__full_name", "pk")
    )


def ballot_by_receipt(code: str) -> Ballot | None:
    normalised = code.strip().upper().replace(" ", "")
    if len(normalised) == 16 and "-" not in normalised:
        normalised = "-".join(normalised[i : i + 4] for i in range(0, 16, 4))
    return (
        Ballot.objects.filter(receipt=normalised)
        .select_related("contest__election", "contest__seat")
        .first()
    )


def turnout(election: Election) -> dict[int, tuple[int, int]]:
    """Per contest id: (organisations that voted, organisations entitled to vote)."""
    entitled: dict[str, int] = defaultdict(int)
    for constituency in Elector.objects.filter(election=election).values_list(
        "constituency", flat=True
    ):
        entitled[constituency] += 1
    voted: dict[int, int] = defaultdict(int)
    for contest_id in VoteMark.objects.filter(contest__election=election).values_list(
        "contest_id", flat=True
    ):
        voted[contest_id] += 1
    return {
        c.pk: (voted[c.pk], entitled[c.seat.constituency])
        for c in election.contests.all()
        if not c.uncontested
    }


def nominations_for_user(user: User, election: Election) -> QuerySet[Nomination]:
    """Nominations the user made, or of which they are the nominee."""
    person = getattr(user, "person", None)
    q = Q(nominated_by=user)
    if person is not None:
        q |= Q(person=person)
    return (
        Nomination.objects.filter(q, contest__election=election)
        .select_related("person", "organisation", "contest__seat")
        .order_by("pk")
    )


def electable(constituency: str) -> bool:
    return constituency in ELECTED_CONSTITUENCIES


UNDER_WAY = (
    Election.State.NOMINATIONS,
    Election.State.NOMINATIONS_CLOSED,
    Election.State.VOTING,
    Election.State.VOTING_CLOSED,
    Election.State.COUNTED,
)


def elections_under_way(limit: int = 3) -> list[Election]:
    """Elections open to nominations or votes, or waiting for their result (for the home page)."""
    qs = Election.objects.filter(state__in=UNDER_WAY).select_related("body")
    return list(qs.order_by(F("voting_close").asc(nulls_last=True), "title")[:limit])


def electors_without_voting_contact(election: Election) -> list[Organisation]:
    """Organisations entitled to vote that nobody can vote for: no voting contact and no
    delegate (from the fixed electorate once voting opened, from the registry before)."""
    if election.electorate_on:
        delegated = set(
            Delegation.objects.filter(election=election).values_list("organisation_id", flat=True)
        )
        return [
            e.organisation
            for e in frozen_electorate(election)
            if not e.contacts.all() and e.organisation_id not in delegated
        ]
    rows = electorate_preview(election, electorate_date(election))
    return [r.organisation for r in rows if not r.contacts and r.delegate is None]


# A contest in which fewer than this share of the organisations entitled to vote voted.
LOW_TURNOUT_PERCENT = 25


def low_turnout_contests(election: Election) -> list[tuple[Contest, int, int]]:
    """(contest, organisations that voted, organisations entitled) for each contested seat whose
    turnout is below LOW_TURNOUT_PERCENT."""
    counts = turnout(election)
    low = []
    for contest in election.contests.select_related("seat"):
        if contest.pk not in counts:
            continue
        voted, entitled = counts[contest.pk]
        if voted * 100 < LOW_TURNOUT_PERCENT * entitled or entitled == 0:
            low.append((contest, voted, entitled))
    return low


@dataclass
class BallotToCast:
    election: Election
    organisation: Organisation
    contest: Contest


def ballots_to_cast(user: User) -> list[BallotToCast]:
    """Every ballot the person may still cast, in the elections now open for voting."""
    open_now = Election.objects.filter(state=Election.State.VOTING).select_related("body")
    open_now = open_now.prefetch_related("contests__seat").order_by("voting_close", "title")
    ballots = []
    for election in open_now:
        for right in voting_rights(user, election).rights:
            for contest in right.contests_left:
                ballots.append(BallotToCast(election, right.organisation, contest))
    return ballots
