"""Themes and "Being a Co-operative Council" actions, as loaded by migration knowledge/0003.

The two council themes and their actions are those the Leaders and Co-operative Leads Group
set out (Review of the Year 2021/22). The other themes are the subjects the network's policy
work covers in the seeds: net zero, care, the digital divide, co-operative housing, sustainable
food, community energy, arts and culture, social value in procurement and community resilience.
Names are marked for translation and translated where they are shown.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_noop

COMMUNITY_WEALTH_BUILDING = "community-wealth-building"
COOPERATIVE_PLACEMAKING = "co-operative-placemaking"

# slug, name, is a council theme
THEMES = [
    (COMMUNITY_WEALTH_BUILDING, gettext_noop("Community wealth building"), True),
    (COOPERATIVE_PLACEMAKING, gettext_noop("Co-operative placemaking"), True),
    ("net-zero", gettext_noop("Net zero"), False),
    ("care", gettext_noop("Health and social care"), False),
    ("digital-inclusion", gettext_noop("Digital inclusion"), False),
    ("housing", gettext_noop("Housing"), False),
    ("food", gettext_noop("Food"), False),
    ("community-energy", gettext_noop("Community energy"), False),
    ("arts-and-culture", gettext_noop("Arts and culture"), False),
    ("social-value", gettext_noop("Social value and procurement"), False),
    ("community-resilience", gettext_noop("Community resilience"), False),
]

# theme slug -> (action slug, action)
ACTIONS = {
    COMMUNITY_WEALTH_BUILDING: [
        ("inclusive-economy-charter", gettext_noop("Develop an inclusive economy charter")),
        ("progressive-procurement", gettext_noop("Promote a progressive procurement policy")),
        (
            "regional-community-bank",
            gettext_noop("Invest to help create a regional mutual or community bank"),
        ),
        (
            "anchor-institutions",
            gettext_noop("Work with local anchor institutions to buy and recruit locally"),
        ),
        (
            "rents-and-rates",
            gettext_noop("Regulate rents and rates for local businesses in council-owned property"),
        ),
        (
            "living-wage-rebates",
            gettext_noop(
                "Offer business rate rebates to businesses that become Living Wage accredited"
            ),
        ),
        ("local-employment", gettext_noop("Champion local employment schemes")),
        ("insourcing", gettext_noop("Make insourcing council services an objective")),
    ],
    COOPERATIVE_PLACEMAKING: [
        (
            "co-operative-development-strategy",
            gettext_noop("Develop a co-operative development strategy"),
        ),
        (
            "co-operative-development-network",
            gettext_noop("Establish a co-operative development network"),
        ),
        (
            "community-engagement",
            gettext_noop(
                "Commit to community engagement in local decisions, including participatory "
                "budgeting"
            ),
        ),
        (
            "community-production",
            gettext_noop(
                "Invest in local community production, especially community energy to tackle "
                "the climate emergency"
            ),
        ),
        ("circular-economy", gettext_noop("Promote the circular economy")),
        (
            "conversions-to-co-operatives",
            gettext_noop(
                "Support local enterprises to convert into co-operatives or worker co-ops"
            ),
        ),
        (
            "asset-transfer",
            gettext_noop(
                "Have an asset transfer policy for land and assets that supports community land "
                "trusts"
            ),
        ),
    ],
}


def theme_rows() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(lookup, values) for every theme."""
    return [
        ({"slug": slug}, {"name": name, "is_council_theme": council, "order": order})
        for order, (slug, name, council) in enumerate(THEMES, start=1)
    ]


def action_rows() -> list[tuple[str, dict[str, Any], dict[str, Any]]]:
    """(theme slug, lookup, values) for every action."""
    return [
        (theme, {"slug": slug}, {"name": name, "order": order})
        for theme, actions in ACTIONS.items()
        for order, (slug, name) in enumerate(actions, start=1)
    ]


def load_reference(Theme: Any, Action: Any) -> None:
    """Used by the data migration (historical models) and by tests that flush the database."""
    themes = {}
    for lookup, values in theme_rows():
        themes[lookup["slug"]], _ = Theme.objects.update_or_create(**lookup, defaults=values)
    for theme, lookup, values in action_rows():
        Action.objects.update_or_create(**lookup, defaults={**values, "theme": themes[theme]})
