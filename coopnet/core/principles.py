"""The network's ten principles and the ICA's seven, as loaded by migration core/0002.

Names are the network's own; summaries are short paraphrases written for coopnet. Both are marked
for translation and translated where they are shown.
"""

from django.utils.translation import gettext_noop as N_

NETWORK_PRINCIPLES = [
    (
        "social-partnership",
        N_("Social partnership"),
        N_("Citizens, communities, enterprises and councils as partners for shared wellbeing."),
    ),
    (
        "democratic-engagement",
        N_("Democratic engagement"),
        N_("Residents of every background taking an active part in decisions and priorities."),
    ),
    (
        "co-production",
        N_("Co-production"),
        N_("Citizens as equal partners in designing and commissioning public services."),
    ),
    (
        "enterprise-and-social-economy",
        N_("Enterprise and social economy"),
        N_("Community-based economic development where co-operatives and social enterprises grow."),
    ),
    (
        "maximising-social-value",
        N_("Maximising social value"),
        N_("A practical framework so council spending delivers local social and economic good."),
    ),
    (
        "community-leadership",
        N_("Community leadership and a new role for councillors"),
        N_("Councils as platforms for community action; councillors as connectors and brokers."),
    ),
    (
        "new-models-of-meeting-priority-needs",
        N_("New models of meeting priority needs"),
        N_("Co-operative and mutual models that give staff and service users a stronger voice."),
    ),
    (
        "innovation",
        N_("Innovation"),
        N_("New ways of working with communities to bring about positive change."),
    ),
    (
        "learning",
        N_("Learning"),
        N_("Capturing what projects teach so co-operative practice spreads across the network."),
    ),
    (
        "walking-the-talk",
        N_("Walking the talk"),
        N_("The network runs itself by these principles: open, member-led, action-focused."),
    ),
]

ICA_PRINCIPLES = [
    ("voluntary-and-open-membership", N_("Voluntary and open membership"), ""),
    ("democratic-member-control", N_("Democratic member control"), ""),
    ("member-economic-participation", N_("Member economic participation"), ""),
    ("autonomy-and-independence", N_("Autonomy and independence"), ""),
    ("education-training-and-information", N_("Education, training and information"), ""),
    ("co-operation-among-co-operatives", N_("Co-operation among co-operatives"), ""),
    ("concern-for-community", N_("Concern for community"), ""),
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
