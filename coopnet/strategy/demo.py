"""The strategies from the seeds: the 2021-2023 Strategy and Action Plan's four themes and their
leads (Review of the Year 2021/22), and the 2024-2026 strategy's objectives, measures and
supporting activities with their leads, milestones and progress (Strategy 2024-2026). The
measures' published values are reported figures (coopnet.demo.seed.figures).

Activities are described in our own words. A lead is linked to a person in the registry where the
seeds load one; other leads (bodies, or people the seeds name only as leads) keep their name.
An activity the strategy gives no progress for has none.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from coopnet.core.actors import System, acting_as
from coopnet.demo.loader import LoadSummary, upsert
from coopnet.demo.seed import sources as s
from coopnet.members.models import Person

from .models import Measure, Objective, Progress, Strategy, SupportingActivity, TargetKind, Unit

LABELS = {
    "strategy": gettext_lazy("strategies, objectives, measures and activities"),
}

NH = "nicola-huckerby"
IMPROVING = TargetKind.IMPROVING
P = Progress

THEMES_2021 = [
    (
        1,
        "Better information sharing: accessible, sharing good practice, more co-production",
        "barbara-brownridge",
        "",
    ),
    (2, "A range of networks to increase engagement", "clare-gamble", ""),
    (3, "Training and support to promote the values and principles", "paul-stewart", ""),
    (
        4,
        "National influence and lobbying; growing the network and events",
        "",
        "Vacant (Review of the Year 2021/22)",
    ),
]

OBJECTIVES_2024 = [
    (
        1,
        "A cooperative network",
        "A broad, welcoming network run as a cooperative: everyone contributes and benefits.",
    ),
    (
        2,
        "Cooperative councils",
        "Help member councils take cooperative practice deeper across their organisations.",
    ),
    (
        3,
        "Developing cooperative policies and practice",
        "Grow policy expertise, capacity and case studies that show what cooperative approaches "
        "achieve. Its measures (media coverage, website traffic, attendance at political "
        "conferences) are not counted yet.",
    ),
]

# (objective, key, name, unit, target)
MEASURES_2024 = [
    (1, "members-full", "Full council members", Unit.COUNT, IMPROVING),
    (1, "members-associate", "Associate members", Unit.COUNT, IMPROVING),
    (
        1,
        "members-town-and-parish",
        "Town and parish councils (within Associates)",
        Unit.COUNT,
        IMPROVING,
    ),
    (1, "members-affiliate", "Affiliate members", Unit.COUNT, IMPROVING),
    (1, "supporters", "Supporters", Unit.COUNT, IMPROVING),
    (1, "case-studies", "Case studies published", Unit.COUNT, IMPROVING),
    (2, "members-full", "Full council members", Unit.COUNT, TargetKind.NONE),
    (2, "policy-labs", "Policy Labs", Unit.COUNT, TargetKind.NONE),
    (2, "policy-labs-councils", "Councils taking part in Policy Labs", Unit.COUNT, IMPROVING),
    (2, "policy-labs-participation-percent", "Policy Lab participation", Unit.PERCENT, IMPROVING),
    (2, "policy-prototypes", "Policy Prototypes", Unit.COUNT, TargetKind.NONE),
    (
        2,
        "policy-prototypes-councils",
        "Councils taking part in Policy Prototypes",
        Unit.COUNT,
        IMPROVING,
    ),
    (
        2,
        "policy-prototypes-participation-percent",
        "Policy Prototype participation",
        Unit.PERCENT,
        IMPROVING,
    ),
    (2, "meetings-and-events", "Meetings and events", Unit.COUNT, TargetKind.NONE),
]

# (reference, what, lead person slug, other lead, milestone, progress)
ACTIVITIES_2024 = [
    (
        "1.1",
        "Settle the legal structure the network should have",
        "",
        "Cllr Mike Stubbs; Claire Ward",
        "Summer 2024",
        P.ON_TRACK,
    ),
    ("1.2", "Review how the network handles its finances", "", "F&GPG", "", ""),
    ("1.3", "Make member benefits clearer and bring more officers and members in", "", "", "", ""),
    (
        "1.4",
        "Try ways for people to take part and organise themselves online: WhatsApp groups "
        "with agreed rules and automatic sign-up, and trials of the Knowledge Hub and NewSocial "
        "forums",
        "",
        "Morgan Jones; Simon Grove-White",
        "Summer 2024",
        P.ON_TRACK,
    ),
    (
        "1.5",
        "Bring councils led by other parties into the funded policy labs, taking part and leading",
        "",
        "",
        "",
        "",
    ),
    (
        "1.6",
        "Model motions members can use to carry cooperative policy in their own councils "
        "(with 2.3)",
        "",
        "Claire Ward",
        "",
        "",
    ),
    (
        "1.7",
        "A national voluntary and community sector seat on the Values and Principles Board",
        "",
        "",
        "",
        "",
    ),
    ("1.8", "A staffing structure to deliver the strategy", NH, "", "", ""),
    ("1.9", "Market the network differently to reach new kinds of member", "", "", "", ""),
    (
        "1.10",
        "Scottish and Welsh councils bring out how their nations differ, to grow the network there",
        "",
        "",
        "",
        "",
    ),
    (
        "1.11",
        "Monthly podcasts on what membership means, if affordable",
        NH,
        "supported by Andrew Laird and Paul Bell",
        "",
        "",
    ),
    ("1.12", "Keep what is expected of the centre practical: self-responsibility", "", "", "", ""),
    (
        "1.13",
        "A regional approach led by GMCA that other regions and nations could follow",
        "",
        "",
        "",
        "",
    ),
    (
        "1.14",
        "Regional champions alongside thematic leads, so policy lab learning takes root locally",
        "",
        "",
        "",
        "",
    ),
    (
        "1.15",
        "Grow membership in Wales, with translation",
        "",
        "Cllr David Darkin (offered)",
        "",
        "",
    ),
    ("1.16", "A welcome pack for new members", NH, "", "Summer 2024", P.COMPLETE),
    ("2.1", "Plan sessions on being a cooperative council", "", "", "", ""),
    ("2.2", "A role description for cabinet member champions", "", "Claire Ward", "", ""),
    (
        "2.3",
        "A being-a-cooperative-council training session in the welcome pack, for members "
        "to run locally (with 1.6)",
        NH,
        "",
        "Autumn 2024",
        P.ON_TRACK,
    ),
    ("2.4", "Examples of the cooperative principles built into council services", "", "", "", ""),
    (
        "2.5",
        "Short videos on why to join, reusing the anniversary film",
        NH,
        "",
        "Autumn 2024 (started)",
        P.COMPLETE,
    ),
    ("3.1", "Refocus the policy lab approach on key policy areas", "", "", "", ""),
    (
        "3.2",
        "Officers network members as theme experts, starting with policy lab leads",
        "",
        "",
        "",
        "",
    ),
    (
        "3.3",
        "Say clearly what leading a policy lab involves, beyond the report",
        NH,
        "",
        "Summer 2024",
        P.ON_TRACK,
    ),
    (
        "3.4",
        "A revised brand guideline and cooperative identity toolkit",
        NH,
        "",
        "Summer 2024",
        P.ON_TRACK,
    ),
    (
        "3.5",
        "Policy project champions from the Values and Principles Board to guide councils",
        "",
        "Values and Principles Board",
        "",
        "",
    ),
    (
        "3.6",
        "Look back at earlier policy lab reports: who learnt from them, what changed",
        "",
        "Morgan Jones",
        "February 2024",
        P.ON_TRACK,
    ),
    ("3.7", "Resources others can pick up and use", "", "", "", ""),
    (
        "3.8",
        "Review how easily suppliers and councils get onto and use the DPS (runs to 2025)",
        "",
        "",
        "",
        "",
    ),
    (
        "3.9",
        "Webinars for members and officers who do not come to the events",
        NH,
        "",
        "November 2024",
        P.ON_TRACK,
    ),
]


def _person(slug: str) -> Person | None:
    return Person.objects.filter(slug=slug).first() if slug else None


def load(summary: LoadSummary) -> None:
    with acting_as(System("load_demo")):
        old, outcome = upsert(
            Strategy,
            {"slug": "2021-2023"},
            {
                "title": "Strategy and Action Plan 2021–2023",
                "first_year": 2021,
                "last_year": 2023,
                "source": s.REVIEW_2022,
                "summary": "Four themes, each led by a member of the Executive Oversight "
                "Committee.",
            },
        )
        summary.count("strategy", outcome)
        for number, title, slug, other in THEMES_2021:
            _, outcome = upsert(
                Objective,
                {"strategy": old, "number": number},
                {"title": title, "lead": _person(slug), "lead_name": other},
            )
            summary.count("strategy", outcome)
        new, outcome = upsert(
            Strategy,
            {"slug": "2024-2026"},
            {
                "title": "Strategy 2024–2026",
                "first_year": 2024,
                "last_year": 2026,
                "source": s.STRATEGY_2024,
                "summary": "",
            },
        )
        summary.count("strategy", outcome)
        objectives = {}
        for number, title, text in OBJECTIVES_2024:
            objectives[number], outcome = upsert(
                Objective,
                {"strategy": new, "number": number},
                {"title": title, "description": text, "lead": None, "lead_name": ""},
            )
            summary.count("strategy", outcome)
        for order, (number, key, name, unit, target) in enumerate(MEASURES_2024, start=1):
            _, outcome = upsert(
                Measure,
                {"objective": objectives[number], "key": key},
                {"name": name, "unit": unit, "target_kind": target, "order": order},
            )
            summary.count("strategy", outcome)
        for order, (ref, text, slug, other, milestone, progress) in enumerate(ACTIVITIES_2024):
            _, outcome = upsert(
                SupportingActivity,
                {"objective": objectives[int(ref.split(".")[0])], "reference": ref},
                {
                    "text": text,
                    "lead": _person(slug),
                    "lead_name": other,
                    "milestone": milestone,
                    "progress": progress,
                    "order": order,
                },
            )
            summary.count("strategy", outcome)
