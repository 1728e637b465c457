from __future__ import annotations

from coopnet.strategy.models import Measure, Objective, Strategy, SupportingActivity, TargetKind


def strategy(measures: int = 2) -> Strategy:
    """A 2024-2026 strategy with one objective, `measures` measures and one activity."""
    s = Strategy.objects.create(
        slug="2024-2026", title="Strategy 2024-2026", first_year=2024, last_year=2026
    )
    o = Objective.objects.create(strategy=s, number=1, title="A cooperative network")
    keys = [
        "members-full",
        "supporters",
        "members-associate",
        "case-studies",
        "policy-labs",
        "meetings-and-events",
        "members-affiliate",
        "policy-prototypes",
    ]
    for i in range(measures):
        key = keys[i] if i < len(keys) else f"entered-{i}"
        Measure.objects.create(
            objective=o, key=key, name=f"Measure {key}", order=i, target_kind=TargetKind.IMPROVING
        )
    SupportingActivity.objects.create(
        objective=o,
        reference="1.4",
        text="Try online forums",
        lead_name="Morgan Jones",
        milestone="Summer 2024",
        progress="on_track",
    )
    return s
