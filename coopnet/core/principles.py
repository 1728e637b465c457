"""The network's ten principles and the ICA's seven, as loaded by migration core/0002.

Names are the network's own; summaries are short paraphrases written for coopnet. Both are marked
for translation and translated where they are shown.
"""

from django.utils.translation import gettext_noop

NETWORK_PRINCIPLES = [
    (
        "social-partnership",
        gettext_noop("Social partnership"),
        gettext_noop(
            "Citizens, communities, enterprises and councils as partners for shared wellbeing."
        ),
    ),
    (
        "democratic-engagement",
        gettext_noop("Democratic engagement"),
        gettext_noop(
            "Residents of every background taking an active part in decisions and priorities."
        ),
    ),
    (
        "co-production",
        gettext_noop("Co-production"),
        gettext_noop("Citizens as equal partners in designing and commissioning public services."),
    ),
    (
        "enterprise-and-social-economy",
        gettext_noop("Enterprise and social economy"),
        gettext_noop(
            "Community-based economic development where co-operatives and social enterprises grow."
        ),
    ),
    (
        "maximising-social-value",
        gettext_noop("Maximising social value"),
        gettext_noop(
            "A practical framework so council spending delivers local social and economic good."
        ),
    ),
    (
        "community-leadership",
        gettext_noop("Community leadership and a new role for councillors"),
        gettext_noop(
            "Councils as platforms for community action; councillors as connectors and brokers."
        ),
    ),
    (
        "new-models-of-meeting-priority-needs",
        gettext_noop("New models of meeting priority needs"),
        gettext_noop(
            "Co-operative and mutual models that give staff and service users a stronger voice."
        ),
    ),
    (
        "innovation",
        gettext_noop("Innovation"),
        gettext_noop("New ways of working with communities to bring about positive change."),
    ),
    (
        "learning",
        gettext_noop("Learning"),
        gettext_noop(
            "Capturing what projects teach so co-operative practice spreads across the network."
        ),
    ),
    (
        "walking-the-talk",
        gettext_noop("Walking the talk"),
        gettext_noop(
            "The network runs itself by these principles: open, member-led, action-focused."
        ),
    ),
]

ICA_PRINCIPLES = [
    ("voluntary-and-open-membership", gettext_noop("Voluntary and open membership"), ""),
    ("democratic-member-control", gettext_noop("Democratic member control"), ""),
    ("member-economic-participation", gettext_noop("Member economic participation"), ""),
    ("autonomy-and-independence", gettext_noop("Autonomy and independence"), ""),
    ("education-training-and-information", gettext_noop("Education, training and information"), ""),
    ("co-operation-among-co-operatives", gettext_noop("Co-operation among co-operatives"), ""),
    ("concern-for-community", gettext_noop("Concern for community"), ""),
]


def load_principles(Principle) -> None:
    for family, items in (("network", NETWORK_PRINCIPLES), ("ica", ICA_PRINCIPLES)):
        for order, (slug, name, summary) in enumerate(items, start=1):
            Principle.objects.update_or_create(
                slug=slug,
                defaults={
                    "family": family,
                    "name": name,
                    "summary": summary,
                    "order": order,
                    "icon": slug if family == "network" else "",
                },
            )
