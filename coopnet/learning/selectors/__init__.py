"""Reads for learning and peer review, each with its joins set so a page costs the same queries
at any size."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from coopnet.core.models import Principle
from coopnet.core.selectors import network_principles
from coopnet.members.models import Membership, Organisation
from coopnet.members.selectors import managed_organisation_ids

from ..models import (
    ActionAnswer,
    ChecklistItem,
    Enrolment,
    Framework,
    Induction,
    InductionItem,
    InductionStep,
    PeerReview,
    Programme,
    Rating,
    Recommendation,
    Reviewer,
    SelfAssessment,
)

DEFAULT_MIN_GROUP_SIZE = 5


def min_group_size() -> int:
    return max(2, int(getattr(settings, "COOPNET_LEARNING_MIN_GROUP_SIZE", DEFAULT_MIN_GROUP_SIZE)))


# --- training -----------------------------------------------------------------------------------


def programmes() -> QuerySet[Programme]:
    return Programme.objects.filter(is_active=True).order_by("order", "title")


def induction_phases() -> int:
    """How many phases the induction every new member follows has (its steps' phases)."""
    return InductionStep.objects.order_by().values("phase").distinct().count()


def enrolments_of(person: Any) -> QuerySet[Enrolment]:
    if person is None:
        return Enrolment.objects.none()
    return Enrolment.objects.filter(person=person).select_related("programme", "organisation")


def enrolments_for_organisations(ids: Any) -> QuerySet[Enrolment]:
    return (
        Enrolment.objects.filter(organisation_id__in=ids)
        .select_related("programme", "person", "organisation")
        .order_by("organisation__name", "person__full_name")
    )


def take_up_by_organisation() -> QuerySet[Organisation]:
    """Organisations with enrolments, counted (for staff)."""
    return (
        Organisation.objects.annotate(
            enrolled=Count("enrolments", distinct=True),
            completed=Count(
                "enrolments",
                filter=Q(enrolments__status=Enrolment.Status.COMPLETED),
                distinct=True,
            ),
        )
        .filter(enrolled__gt=0)
        .order_by("name")
    )


def take_up_by_category(on: date) -> list[tuple[str, int, int]]:
    """(membership category, people enrolled, people who completed) by each organisation's
    category on `on`, for staff."""
    category_of = dict(
        Membership.objects.current_on(on).values_list("organisation_id", "category__name")
    )
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for organisation_id, status in Enrolment.objects.filter(
        organisation_id__isnull=False
    ).values_list("organisation_id", "status"):
        category = category_of.get(organisation_id)
        if category:
            counts[category][0] += 1
            counts[category][1] += int(status == Enrolment.Status.COMPLETED)
    return [(name, enrolled, completed) for name, (enrolled, completed) in sorted(counts.items())]


# --- induction ----------------------------------------------------------------------------------


def _items() -> Prefetch:
    return Prefetch("items", queryset=InductionItem.objects.order_by("phase", "order", "pk"))


def inductions(today: date) -> QuerySet[Induction]:
    return (
        Induction.objects.select_related("organisation")
        .annotate(
            steps=Count("items", distinct=True),
            done=Count("items", filter=Q(items__done_on__isnull=False), distinct=True),
            overdue=Count(
                "items",
                filter=Q(items__done_on__isnull=True, items__due_on__lt=today),
                distinct=True,
            ),
        )
        .order_by("-overdue", "organisation__name")
    )


def inductions_of(organisation_ids: Any, today: date) -> QuerySet[Induction]:
    return inductions(today).filter(organisation_id__in=organisation_ids)


@dataclass
class CompletedInduction:
    induction: Induction
    completed_on: date


def inductions_completed(first: date, last: date) -> list[CompletedInduction]:
    """Inductions whose every step was done, the last of them between `first` and `last`
    (both inclusive): for the Review of the Year (`reports` may call this)."""
    done = (
        Induction.objects.select_related("organisation")
        .annotate(
            open_steps=Count("items", filter=Q(items__done_on__isnull=True)),
            finished=Max("items__done_on"),
        )
        .filter(open_steps=0, finished__gte=first, finished__lte=last)
        .order_by("finished", "organisation__name")
    )
    return [CompletedInduction(induction=i, completed_on=i.finished) for i in done]


def induction_for_page(pk: int) -> Induction:
    return Induction.objects.select_related("organisation").prefetch_related(_items()).get(pk=pk)


# --- self-assessment ----------------------------------------------------------------------------


def current_framework() -> Framework | None:
    return Framework.objects.filter(is_current=True).order_by("-version").first()


def framework_for_page(framework: Framework) -> Framework:
    return Framework.objects.prefetch_related(
        "criteria__principle", "criteria__levels", "actions"
    ).get(pk=framework.pk)


def assessments_of(organisation: Organisation) -> QuerySet[SelfAssessment]:
    return SelfAssessment.objects.filter(organisation=organisation).select_related("framework")


def assessments_for_user(user: Any) -> QuerySet[SelfAssessment]:
    """Assessments of the councils the user manages, and those they were invited to."""
    person = getattr(user, "person", None)
    q = Q(organisation_id__in=managed_organisation_ids(user))
    if person is not None:
        q |= Q(contributors__person=person)
    return (
        SelfAssessment.objects.filter(q)
        .distinct()
        .select_related("organisation", "framework")
        .order_by("organisation__name", "-started_on", "-pk")
    )


def assessment_for_page(pk: int) -> SelfAssessment:
    return (
        SelfAssessment.objects.select_related("organisation", "framework", "started_by")
        .prefetch_related(
            "contributors__person",
            Prefetch("ratings", queryset=Rating.objects.select_related("criterion")),
            Prefetch("action_answers", queryset=ActionAnswer.objects.select_related("item")),
            "case_studies",
            "projects",
            "evidence_files",
        )
        .get(pk=pk)
    )


@dataclass
class Progress:
    """Mean score per principle for each submitted assessment (oldest first), for a chart."""

    principles: list[Principle]
    assessments: list[SelfAssessment]
    rows: list[tuple[Principle, list[float | None]]] = field(default_factory=list)


def progress(
    organisation: Organisation, *, include: SelfAssessment | None = None, history: bool = True
) -> Progress:
    """The council's submitted assessments (and `include`, e.g. the draft being looked at);
    without `history`, only `include` (for a reviewer, who sees only what was shared)."""
    q = Q(status=SelfAssessment.Status.SUBMITTED) if history else Q(pk__in=[])
    if include is not None:
        q |= Q(pk=include.pk)
    assessments = list(
        SelfAssessment.objects.filter(q, organisation=organisation).order_by("started_on", "pk")
    )
    principles = list(network_principles())
    scores: dict[tuple[int, int], list[int]] = defaultdict(list)
    for assessment_id, principle_id, score in Rating.objects.filter(
        assessment__in=assessments
    ).values_list("assessment_id", "criterion__principle_id", "score"):
        scores[(assessment_id, principle_id)].append(score)
    rows = []
    for principle in principles:
        values: list[float | None] = []
        for a in assessments:
            got = scores.get((a.pk, principle.pk))
            values.append(round(sum(got) / len(got), 1) if got else None)
        rows.append((principle, values))
    return Progress(principles=principles, assessments=assessments, rows=rows)


# --- peer review --------------------------------------------------------------------------------


def reviews() -> QuerySet[PeerReview]:
    return PeerReview.objects.select_related("organisation").annotate(
        reviewer_count=Count("reviewers", distinct=True)
    )


def reviews_for_user(user: Any) -> QuerySet[PeerReview]:
    """Reviews of the councils the user manages, and those the user reviews."""
    person = getattr(user, "person", None)
    q = Q(organisation_id__in=managed_organisation_ids(user))
    if person is not None:
        q |= Q(Exists(Reviewer.objects.filter(review=OuterRef("pk"), person=person)))
    return reviews().filter(q).order_by("-set_up_on", "-pk")


def published_reviews() -> QuerySet[PeerReview]:
    return reviews().filter(status=PeerReview.Status.PUBLISHED).order_by("-decided_on", "-pk")


def review_for_page(pk: int) -> PeerReview:
    return (
        PeerReview.objects.select_related("organisation", "assessment")
        .prefetch_related(
            Prefetch(
                "reviewers", queryset=Reviewer.objects.select_related("person", "organisation")
            ),
            "findings__principle",
            Prefetch(
                "recommendations", queryset=Recommendation.objects.select_related("principle")
            ),
        )
        .get(pk=pk)
    )


def open_actions_of(organisation_ids: Any) -> QuerySet[Recommendation]:
    return (
        Recommendation.objects.filter(
            review__organisation_id__in=organisation_ids, completed_on__isnull=True
        )
        .exclude(review__status=PeerReview.Status.SET_UP)
        .select_related("review__organisation", "principle")
        .order_by("due_on", "pk")
    )


def actions_due_for_reminder(today: date) -> QuerySet[Recommendation]:
    """Open actions of agreed reviews that are due by `today` (for reminders)."""
    return open_actions_of(
        PeerReview.objects.exclude(status=PeerReview.Status.SET_UP).values("organisation_id")
    ).filter(due_on__lte=today)


# --- the network view ---------------------------------------------------------------------------


@dataclass
class Cell:
    count: int
    mean: float | None  # None when hidden
    hidden: bool


@dataclass
class NetworkView:
    min_group: int
    groups: list[str]  # membership category names, then "All members"
    rows: list[tuple[Principle, list[Cell]]]
    assessed: int
    most_adopted: list[tuple[ChecklistItem, int]]
    least_adopted: list[tuple[ChecklistItem, int]]
    actions_hidden: bool


def _latest_submitted_ids() -> list[int]:
    latest = (
        SelfAssessment.objects.filter(
            organisation=OuterRef("organisation"), status=SelfAssessment.Status.SUBMITTED
        )
        .order_by("-submitted_on", "-pk")
        .values("pk")[:1]
    )
    return list(
        SelfAssessment.objects.filter(status=SelfAssessment.Status.SUBMITTED)
        .filter(pk=Subquery(latest))
        .values_list("pk", flat=True)
    )


def _suppress(cells: dict[str, list[float]], minimum: int) -> dict[str, bool]:
    """Hide groups smaller than the minimum, and then the next smallest until what is hidden
    together is at least the minimum (so totals minus the shown groups reveal no one)."""
    hidden = {g: 0 < len(v) < minimum for g, v in cells.items()}
    while True:
        hidden_total = sum(len(cells[g]) for g, h in hidden.items() if h)
        if hidden_total == 0 or hidden_total >= minimum:
            return hidden
        visible = sorted(
            (g for g, h in hidden.items() if not h and cells[g]), key=lambda g: len(cells[g])
        )
        if not visible:
            return hidden
        hidden[visible[0]] = True


def network_view(*, on: date | None = None, limit: int = 5) -> NetworkView:
    """Where members stand per principle (each council's latest submitted self-assessment),
    by membership category and overall; groups below the minimum size are hidden."""
    day = on or timezone.localdate()
    minimum = min_group_size()
    ids = _latest_submitted_ids()
    org_of = dict(SelfAssessment.objects.filter(pk__in=ids).values_list("pk", "organisation_id"))
    category_of = dict(
        Membership.objects.current_on(day)
        .filter(organisation_id__in=org_of.values())
        .values_list("organisation_id", "category__name")
    )
    per: dict[tuple[int, int], list[int]] = defaultdict(list)
    for assessment_id, principle_id, score in Rating.objects.filter(
        assessment_id__in=ids
    ).values_list("assessment_id", "criterion__principle_id", "score"):
        per[(assessment_id, principle_id)].append(score)
    # Only current members count, each in its category, so the overall figure is exactly the
    # sum of the groups and nothing outside them can be worked out by subtraction.
    org_of = {a: o for a, o in org_of.items() if category_of.get(o)}
    ids = list(org_of)
    groups = sorted(set(category_of.values()))
    rows = []
    for principle in network_principles():
        by_group: dict[str, list[float]] = {g: [] for g in groups}
        overall: list[float] = []
        for assessment_id, org_id in org_of.items():
            got = per.get((assessment_id, principle.pk))
            if not got:
                continue
            value = sum(got) / len(got)
            overall.append(value)
            by_group[category_of[org_id]].append(value)
        hidden = _suppress(by_group, minimum)
        cells = [
            Cell(
                count=len(v),
                mean=None if hidden[g] or not v else round(sum(v) / len(v), 1),
                hidden=hidden[g],
            )
            for g, v in by_group.items()
        ]
        overall_hidden = 0 < len(overall) < minimum
        cells.append(
            Cell(
                count=len(overall),
                mean=None
                if overall_hidden or not overall
                else round(sum(overall) / len(overall), 1),
                hidden=overall_hidden,
            )
        )
        rows.append((principle, cells))
    assessed = len(ids)
    actions_hidden = assessed < minimum
    adoption: list[tuple[ChecklistItem, int]] = []
    if not actions_hidden:
        framework = current_framework()
        items = ChecklistItem.objects.filter(framework=framework).annotate(
            adopted=Count(
                "answers",
                filter=Q(
                    answers__assessment_id__in=ids,
                    answers__status=ActionAnswer.Status.IN_PLACE,
                ),
            )
        )
        adoption = sorted(((i, i.adopted) for i in items), key=lambda p: (-p[1], p[0].order))
    return NetworkView(
        min_group=minimum,
        groups=groups,
        rows=rows,
        assessed=assessed,
        most_adopted=adoption[:limit],
        least_adopted=list(reversed(adoption[-limit:])) if adoption else [],
        actions_hidden=actions_hidden,
    )


from .take_up import TakeUp, take_up, take_up_cached  # noqa: E402, F401  (the board's figures)
from .visibility import (  # noqa: E402, F401  (the API's reads, re-exported)
    assessments_visible_to,
    frameworks,
    reviews_visible_to,
)


def framework_for_joining(version: int | None = None) -> Any:
    """The framework as joining reads it (`coopnet.members.joining.framework`): the current
    version, or the one an application was answered against."""
    from coopnet.members.joining import framework as joining

    qs = Framework.objects.all()
    chosen = (
        qs.filter(version=version).first()
        if version is not None
        else qs.filter(is_current=True).order_by("-version").first()
    )
    if chosen is None:
        return None
    chosen = framework_for_page(chosen)
    return joining.Framework(
        version=chosen.version,
        title=chosen.title,
        criteria={
            c.principle_id: joining.Criterion(
                title=c.title,
                guidance=c.guidance,
                levels=tuple(
                    joining.Level(score=lv.score, name=lv.name, description=lv.description)
                    for lv in c.levels.all()
                ),
            )
            for c in chosen.criteria.all()
        },
    )
