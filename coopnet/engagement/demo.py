"""Demo data for networks and groups, from the seeds (../shared/seeds/).

The groups the documents name: the Officer Network (Review of the Year 2021/22: policy officers
from councils in Full and Associate membership meet monthly, chaired by Jonathan Downs, Corporate
Policy Lead at Oldham Council); the Leaders and Co-operative Leads Group; the regional and
national groups the 2024-26 strategy proposes (action 1.13: Greater Manchester, London, the North
East; Scottish and Welsh members together); and thematic groups for the two themes the Leaders
group set out (Community Wealth Building, Co-operative Placemaking), which action 1.4 asks to
open to self sign-up. No member, post or chat link is made up: the seeds give none. The rules of
engagement are a draft for the network to agree (action 1.4, "define rules of engagement").
Idempotent: groups are found by slug; only what differs is saved.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy

from coopnet.demo.loader import UNCHANGED, UPDATED, LoadSummary, upsert
from coopnet.members.models import MembershipCategory, Person, RoleKind

from .models import Group

LABELS = {"groups": gettext_lazy("networks and groups")}

K = Group.Kind
OPEN = Group.JoinPolicy.OPEN
APPROVAL = Group.JoinPolicy.APPROVAL
OFFICERS = (RoleKind.OFFICER, RoleKind.OFFICER_LEAD)

DRAFT_RULES = (
    "Draft rules of engagement, for the network to agree (strategy 2024-26, action 1.4).\n\n"
    "1. Be respectful: we are peers from councils of every size and party.\n"
    "2. What members share here stays in the group unless they agree otherwise.\n"
    "3. Keep to the group's purpose; no selling or canvassing.\n"
    "4. Share what worked and what did not: learning is the point.\n"
    "5. Report a post that breaks these rules to the group's coordinators."
)


@dataclass(frozen=True)
class SeedGroup:
    slug: str
    name: str
    kind: str
    purpose: str
    categories: tuple[str, ...]
    role_kinds: tuple[str, ...] = ()
    join_policy: str = OPEN
    meets: str = ""
    chair: str = ""  # a seed person's slug
    coordinators: tuple[str, ...] = ()


GROUPS = (
    SeedGroup(
        "officer-network",
        "Officer Network",
        K.OFFICER_NETWORK,
        "Policy officers from councils in Full and Associate membership meet to share best "
        "practice and to discuss co-operative approaches to common issues. Officer leads and "
        "other council officers are all invited to the calls.",
        ("full", "associate"),
        OFFICERS,
        meets="Monthly, online",
        chair="jonathan-downs",
        coordinators=("jonathan-downs",),
    ),
    SeedGroup(
        "leaders-and-co-operative-leads",
        "Leaders and Co-operative Leads Group",
        K.LEADERS,
        "Council leaders and co-operative leads drive forward the work to grow the co-operative "
        "economy: the group set out what it means to be a Co-operative Council and the key "
        "themes of Community Wealth Building and Co-operative Placemaking.",
        ("full", "associate"),
        (RoleKind.LEADER, RoleKind.COOPERATIVE_LEAD, RoleKind.CABINET_MEMBER),
        join_policy=APPROVAL,
    ),
    SeedGroup(
        "greater-manchester",
        "Greater Manchester regional network",
        K.REGIONAL,
        "Members in Greater Manchester working together at a regional level, the approach the "
        "strategy asks the combined authority to lead so that other regions can use it.",
        ("full", "associate"),
    ),
    SeedGroup(
        "london",
        "London regional network",
        K.REGIONAL,
        "Members in London working together at a regional level, so that learning from "
        "Policy Labs is embedded locally.",
        ("full", "associate"),
    ),
    SeedGroup(
        "north-east",
        "North East regional network",
        K.REGIONAL,
        "Members in the North East working together at a regional level, so that learning from "
        "Policy Labs is embedded locally.",
        ("full", "associate"),
    ),
    SeedGroup(
        "scotland-and-wales",
        "Scottish and Welsh members",
        K.REGIONAL,
        "Scottish and Welsh councils working together as a national group, bringing the "
        "differences of their nations into the network's discussions.",
        ("full", "associate"),
    ),
    SeedGroup(
        "community-wealth-building",
        "Community Wealth Building",
        K.THEMATIC,
        "Inclusive economy charters, progressive procurement, anchor institutions buying and "
        "recruiting locally, community banks, insourcing: councils sharing how they build "
        "community wealth.",
        ("full", "associate", "affiliate"),
    ),
    SeedGroup(
        "co-operative-placemaking",
        "Co-operative Placemaking",
        K.THEMATIC,
        "Co-operative development strategies and networks, participatory budgeting, community "
        "energy, the circular economy, conversions to co-operatives and community asset "
        "transfer: councils sharing how they make places co-operatively.",
        ("full", "associate", "affiliate"),
    ),
)


def load(summary: LoadSummary) -> None:
    categories = {c.code: c for c in MembershipCategory.objects.all()}
    people = {p.slug: p for p in Person.objects.filter(slug__in=_people_slugs())}
    for item in GROUPS:
        group, outcome = upsert(
            Group,
            {"slug": item.slug},
            {
                "name": item.name,
                "kind": item.kind,
                "purpose": item.purpose,
                "meets": item.meets,
                "chair": people.get(item.chair),
                "eligible_role_kinds": list(item.role_kinds),
                "join_policy": item.join_policy,
            },
            create_only={"rules_text": DRAFT_RULES},
        )
        wanted = {categories[code] for code in item.categories if code in categories}
        if set(group.eligible_categories.all()) != wanted:
            group.eligible_categories.set(wanted)
            outcome = UPDATED if outcome == UNCHANGED else outcome
        coordinators = {people[slug] for slug in item.coordinators if slug in people}
        if coordinators and not group.coordinators.exists():
            group.coordinators.set(coordinators)
        summary.count("groups", outcome)


def _people_slugs() -> set[str]:
    slugs = {item.chair for item in GROUPS if item.chair}
    for item in GROUPS:
        slugs.update(item.coordinators)
    return slugs
