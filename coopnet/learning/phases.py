"""The three-phase induction for new members (the network commissioned the Co-operative College
to design a three-phase programme, launched in July 2020). The steps are written for coopnet:
the seeds name the three phases, not their contents.

Each step: (phase, title, owner, days from the start of the induction).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_noop

PHASE_NAMES = {
    1: gettext_noop("Phase 1: Welcome"),
    2: gettext_noop("Phase 2: Learning together"),
    3: gettext_noop("Phase 3: Taking part"),
}

STEPS = [
    (1, gettext_noop("Send the welcome pack and the named contacts"), "network", 7),
    (1, gettext_noop("Confirm the officer lead and the voting contact"), "member", 14),
    (1, gettext_noop("Welcome call with the network team"), "network", 21),
    (2, gettext_noop("Attend a Being a Co-operative Council session"), "member", 60),
    (2, gettext_noop("Enrol councillors and officers on a certified programme"), "member", 75),
    (2, gettext_noop("Join an officer, regional or thematic network"), "member", 90),
    (3, gettext_noop("Share a first case study"), "member", 150),
    (3, gettext_noop("Take part in a network event or a Policy Lab"), "member", 180),
    (3, gettext_noop("Start a self-assessment against the framework"), "member", 180),
]


def load_steps(InductionStep: Any) -> int:
    """Create the steps that are missing (by phase and title); return how many were created."""
    created = 0
    for order, (phase, title, owner, days) in enumerate(STEPS, start=1):
        _, made = InductionStep.objects.update_or_create(
            phase=phase,
            title=title,
            defaults={"owner": owner, "days_to_complete": days, "order": order},
        )
        created += int(made)
    return created
