"""Self-assessments: start, invite colleagues, contribute ratings and actions, link, submit."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from coopnet.core.actors import acting_as, user_of
from coopnet.core.audit import audit_record
from coopnet.core.guard import require
from coopnet.funding import selectors as funding_selectors
from coopnet.knowledge import selectors as knowledge_selectors
from coopnet.members.models import Organisation, Person, Role

from .. import tasks
from ..errors import LearningError
from ..models import (
    ActionAnswer,
    ChecklistItem,
    Contributor,
    Criterion,
    Framework,
    Rating,
    SelfAssessment,
)

DEFAULT_SCALE = (1, 2, 3, 4)


@dataclass(frozen=True)
class RatingInput:
    criterion_id: int
    score: int | None
    evidence: str = ""


@dataclass(frozen=True)
class ActionInput:
    item_id: int
    status: str
    evidence: str = ""


def current_framework() -> Framework:
    framework = Framework.objects.filter(is_current=True).order_by("-version").first()
    if framework is None:
        raise LearningError(_("There is no framework to assess against yet."))
    return framework


def _draft(assessment: SelfAssessment) -> SelfAssessment:
    locked = (
        SelfAssessment.objects.select_for_update(of=("self",))
        .select_related("organisation", "framework")
        .get(pk=assessment.pk)
    )
    if not locked.is_draft:
        raise LearningError(_("This self-assessment has been submitted and can no longer change."))
    return locked


@transaction.atomic
def assessment_start(
    *, organisation: Organisation, by: Any, framework: Framework | None = None
) -> SelfAssessment:
    """Start a draft self-assessment; only those who manage the organisation may."""
    require(
        by,
        "learning.start_assessment",
        organisation,
        message=_("Only those who manage the council's profile may start its self-assessment."),
    )
    if SelfAssessment.objects.filter(
        organisation=organisation, status=SelfAssessment.Status.DRAFT
    ).exists():
        raise LearningError(_("The council already has a draft self-assessment."))
    framework = framework or current_framework()
    with acting_as(by):
        assessment = SelfAssessment.objects.create(
            organisation=organisation,
            framework=framework,
            started_on=timezone.localdate(),
            started_by=user_of(by),
        )
        audit_record(by=by, action="assessment.started", target=assessment, about=(organisation,))
    return assessment


def colleagues_of(organisation: Organisation, on: date | None = None) -> Any:
    """People who hold a current role at the organisation (who may be invited)."""
    roles = Role.objects.current_on(on or timezone.localdate()).filter(organisation=organisation)
    return Person.objects.filter(pk__in=roles.values("person_id")).order_by("full_name")


@transaction.atomic
def assessment_invite(*, assessment: SelfAssessment, person: Person, by: Any) -> Contributor:
    """Invite a colleague (someone with a current role at the council) to contribute."""
    assessment = _draft(assessment)
    require(by, "learning.run_assessment", assessment)
    if not colleagues_of(assessment.organisation).filter(pk=person.pk).exists():
        raise LearningError(
            _("Only people with a current role at the council can be invited."), field="person"
        )
    if assessment.contributors.filter(person=person).exists():
        raise LearningError(_("%(name)s is already invited.") % {"name": person.full_name})
    with acting_as(by):
        contributor = Contributor.objects.create(
            assessment=assessment, person=person, invited_by=user_of(by)
        )
        audit_record(
            by=by,
            action="assessment.contributor_invited",
            target=assessment,
            about=(person, assessment.organisation),
        )
    transaction.on_commit(
        lambda: tasks.send_contributor_invitation.enqueue(contributor_id=contributor.pk)
    )
    return contributor


def _scale(criterion: Criterion) -> tuple[int, ...]:
    scores = tuple(level.score for level in criterion.levels.all())
    return scores or DEFAULT_SCALE


@transaction.atomic
def assessment_contribute(
    *,
    assessment: SelfAssessment,
    by: Any,
    ratings: Sequence[RatingInput] = (),
    actions: Sequence[ActionInput] = (),
    summary: str | None = None,
) -> SelfAssessment:
    """Save ratings with evidence and the actions taken; managers and invited colleagues may."""
    assessment = _draft(assessment)
    require(
        by,
        "learning.contribute",
        assessment,
        message=_("Only the council's managers and invited colleagues may contribute."),
    )
    criteria = {
        c.pk: c
        for c in Criterion.objects.filter(framework=assessment.framework).prefetch_related("levels")
    }
    items = {i.pk: i for i in ChecklistItem.objects.filter(framework=assessment.framework)}
    with acting_as(by):
        for given in ratings:
            criterion = criteria.get(given.criterion_id)
            if criterion is None:
                raise LearningError(_("That criterion is not part of this framework."))
            if given.score is None:
                Rating.objects.filter(assessment=assessment, criterion=criterion).delete()
                continue
            if given.score not in _scale(criterion):
                raise LearningError(
                    _("Choose a rating from the scale for “%(criterion)s”.")
                    % {"criterion": criterion.title},
                    field=f"score_{criterion.pk}",
                )
            Rating.objects.update_or_create(
                assessment=assessment,
                criterion=criterion,
                defaults={
                    "score": given.score,
                    "evidence": given.evidence,
                    "rated_by": user_of(by),
                },
            )
        for answer in actions:
            item = items.get(answer.item_id)
            if item is None:
                raise LearningError(_("That action is not part of this framework."))
            if answer.status not in ActionAnswer.Status.values:
                raise LearningError(_("Choose whether the action is in place."))
            ActionAnswer.objects.update_or_create(
                assessment=assessment,
                item=item,
                defaults={"status": answer.status, "evidence": answer.evidence},
            )
        if summary is not None:
            assessment.summary = summary
            assessment.save(update_fields=["summary"])
        audit_record(
            by=by,
            action="assessment.contributed",
            target=assessment,
            about=(assessment.organisation,),
        )
    return assessment


def linkable_case_studies(organisation: Organisation) -> Any:
    """The organisation's published case studies (knowledge's published selector)."""
    return knowledge_selectors.case_studies_for(organisation)


def linkable_projects(organisation: Organisation) -> Any:
    """Published funded projects the organisation led or partnered (funding's selector)."""
    return (
        funding_selectors.published_projects()
        .filter(Q(lead=organisation) | Q(partners=organisation))
        .distinct()
        .order_by("title")
    )


@transaction.atomic
def assessment_link(
    *,
    assessment: SelfAssessment,
    by: Any,
    case_study_ids: Iterable[int],
    project_ids: Iterable[int],
) -> SelfAssessment:
    """Link the council's own published case studies and funded projects as evidence."""
    assessment = _draft(assessment)
    require(by, "learning.contribute", assessment)
    case_study_ids, project_ids = set(case_study_ids), set(project_ids)
    case_studies = list(
        linkable_case_studies(assessment.organisation).filter(pk__in=case_study_ids)
    )
    projects = list(linkable_projects(assessment.organisation).filter(pk__in=project_ids))
    if len(case_studies) != len(case_study_ids) or len(projects) != len(project_ids):
        raise LearningError(
            _("Only the council's own published case studies and funded projects can be linked.")
        )
    with acting_as(by):
        assessment.case_studies.set(case_studies)
        assessment.projects.set(projects)
        audit_record(
            by=by, action="assessment.linked", target=assessment, about=(assessment.organisation,)
        )
    return assessment


@transaction.atomic
def assessment_submit(*, assessment: SelfAssessment, by: Any) -> SelfAssessment:
    """Submit a draft once every criterion has a rating; it cannot change afterwards."""
    assessment = _draft(assessment)
    require(
        by,
        "learning.run_assessment",
        assessment,
        message=_("Only those who manage the council's profile may submit its self-assessment."),
    )
    missing = Criterion.objects.filter(framework=assessment.framework).exclude(
        ratings__assessment=assessment
    )
    if missing.exists():
        raise LearningError(
            _("Rate every criterion before submitting: %(count)s still to rate.")
            % {"count": missing.count()}
        )
    with acting_as(by):
        assessment.status = SelfAssessment.Status.SUBMITTED
        assessment.submitted_on = timezone.localdate()
        assessment.save(update_fields=["status", "submitted_on"])
        audit_record(
            by=by,
            action="assessment.submitted",
            target=assessment,
            about=(assessment.organisation,),
        )
    return assessment
