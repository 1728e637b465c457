"""The network's ten principles and the ICA's seven, as loaded by migration core/0002.

Names are the network's own; summaries are short paraphrases written for coopnet.
"""

NETWORK_PRINCIPLES = [
    (
        "social-partnership",
        "Social partnership",
        "Citizens, communities, enterprises and councils working as partners for shared wellbeing.",
    ),
    (
        "democratic-engagement",
        "Democratic engagement",
        "Residents of every background taking an active part in decisions and priorities.",
    ),
    (
        "co-production",
        "Co-production",
        "Citizens as equal partners in designing and commissioning public services.",
    ),
    (
        "enterprise-and-social-economy",
        "Enterprise and social economy",
        "Community-based economic development where co-operatives and social enterprises thrive.",
    ),
    (
        "maximising-social-value",
        "Maximising social value",
        "A practical framework so that council spending delivers local social and economic good.",
    ),
    (
        "community-leadership",
        "Community leadership and a new role for councillors",
        "Councils as platforms for community action; councillors as connectors and brokers.",
    ),
    (
        "new-models-of-meeting-priority-needs",
        "New models of meeting priority needs",
        "Co-operative and mutual models that give staff and service users a stronger voice.",
    ),
    (
        "innovation",
        "Innovation",
        "New ways of working with communities to bring about positive change.",
    ),
    (
        "learning",
        "Learning",
        "Capturing what projects teach so co-operative practice spreads across the network.",
    ),
    (
        "walking-the-talk",
        "Walking the talk",
        "The network runs itself by these principles: open, member-led, action-focused.",
    ),
]

ICA_PRINCIPLES = [
    ("voluntary-and-open-membership", "Voluntary and open membership", ""),
    ("democratic-member-control", "Democratic member control", ""),
    ("member-economic-participation", "Member economic participation", ""),
    ("autonomy-and-independence", "Autonomy and independence", ""),
    ("education-training-and-information", "Education, training and information", ""),
    ("co-operation-among-co-operatives", "Co-operation among co-operatives", ""),
    ("concern-for-community", "Concern for community", ""),
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
