"""Learning's demo data: the two certified programmes, the induction, the framework; no
assessment of any council; loading twice changes nothing."""

from __future__ import annotations

import pytest

from coopnet.demo.loader import LoadSummary
from coopnet.learning import demo
from coopnet.learning.models import (
    ChecklistItem,
    Criterion,
    Framework,
    InductionStep,
    PeerReview,
    Programme,
    SelfAssessment,
)

pytestmark = pytest.mark.django_db


def test_the_demo_loads_what_the_seeds_describe_and_nothing_invented():
    demo.load(LoadSummary())
    programmes = list(Programme.objects.all())
    assert len(programmes) == 2
    assert all(p.certified and p.provider == "Co-operative College" for p in programmes)
    assert {p.platform for p in programmes} == {"Learnworlds"}
    assert {s.phase for s in InductionStep.objects.all()} == {1, 2, 3}
    framework = Framework.objects.get(is_current=True)
    assert Criterion.objects.filter(framework=framework).count() == 10
    assert {c.principle.family for c in framework.criteria.all()} == {"network"}
    assert all(c.levels.count() == 4 for c in framework.criteria.all())
    groups = dict.fromkeys(("community_wealth_building", "co_operative_placemaking"), 0)
    for item in ChecklistItem.objects.filter(framework=framework):
        groups[item.group] += 1
    assert groups == {"community_wealth_building": 8, "co_operative_placemaking": 7}
    assert not SelfAssessment.objects.exists()
    assert not PeerReview.objects.exists()


def test_loading_twice_changes_nothing():
    demo.load(LoadSummary())
    counts = (Programme.objects.count(), Criterion.objects.count(), ChecklistItem.objects.count())
    demo.load(LoadSummary())
    assert counts == (
        Programme.objects.count(),
        Criterion.objects.count(),
        ChecklistItem.objects.count(),
    )
