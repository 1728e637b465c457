"""Who may do what in learning and peer review. Views check these; services check them again.

- Network admins run the programmes, inductions and peer reviews and see everything.
- Those who manage a member organisation's profile (`manages_organisation`) run its
  self-assessments, invite colleagues to contribute, share them with a review, agree and publish
  (or keep private) its report and complete its actions.
- Invited colleagues contribute to a draft self-assessment.
- Reviewers read the self-assessment shared with their review and record findings.
- A published report may be read by anyone; the network view (aggregated) is for staff and the
  board.
"""

from __future__ import annotations

from typing import Any

import rules

from coopnet.accounts.permissions import is_board_member, is_network_admin
from coopnet.core.files import register_file
from coopnet.core.guard import allowed
from coopnet.members.permissions import manages_organisation


def _person_id(user: Any) -> int | None:
    if not (user is not None and getattr(user, "is_authenticated", False)):
        return None
    person = getattr(user, "person", None)
    return person.pk if person is not None else None


@rules.predicate
def manages_its_organisation(user, obj) -> bool:
    """obj is anything with an `organisation` (assessment, review, induction)."""
    return obj is not None and bool(manages_organisation(user, obj.organisation))


@rules.predicate
def is_contributor(user, assessment) -> bool:
    person_id = _person_id(user)
    if person_id is None or assessment is None:
        return False
    return any(c.person_id == person_id for c in assessment.contributors.all())


@rules.predicate
def reviews_assessment(user, assessment) -> bool:
    person_id = _person_id(user)
    if person_id is None or assessment is None:
        return False
    return assessment.peer_reviews.filter(reviewers__person_id=person_id).exists()


@rules.predicate
def is_reviewer(user, review) -> bool:
    person_id = _person_id(user)
    if person_id is None or review is None:
        return False
    return any(r.person_id == person_id for r in review.reviewers.all())


@rules.predicate
def is_published(user, review) -> bool:
    return review is not None and review.is_public


@rules.predicate
def manages_reviewed_council(user, recommendation) -> bool:
    return recommendation is not None and bool(
        manages_organisation(user, recommendation.review.organisation)
    )


@rules.predicate
def is_the_learner(user, enrolment) -> bool:
    person_id = _person_id(user)
    return person_id is not None and enrolment is not None and enrolment.person_id == person_id


@rules.predicate
def has_person(user) -> bool:
    return _person_id(user) is not None


rules.add_perm("learning.manage", is_network_admin)
rules.add_perm("learning.enrol", has_person)
rules.add_perm("learning.view_enrolment", is_network_admin | is_the_learner)
rules.add_perm("learning.view_induction", is_network_admin | manages_its_organisation)
rules.add_perm("learning.tick_induction", is_network_admin | manages_its_organisation)
rules.add_perm("learning.start_assessment", manages_organisation)
rules.add_perm("learning.list_assessments", is_network_admin | manages_organisation)
rules.add_perm(
    "learning.view_assessment",
    is_network_admin | manages_its_organisation | is_contributor | reviews_assessment,
)
rules.add_perm("learning.contribute", manages_its_organisation | is_contributor)
rules.add_perm("learning.run_assessment", manages_its_organisation)
rules.add_perm(
    "learning.view_review",
    is_network_admin | manages_its_organisation | is_reviewer | is_published,
)
rules.add_perm("learning.record_findings", is_reviewer)
rules.add_perm("learning.decide_report", manages_its_organisation)
rules.add_perm("learning.complete_action", is_network_admin | manages_reviewed_council)
rules.add_perm("learning.declare_conflict", has_person)
rules.add_perm("learning.view_network", is_network_admin | is_board_member)
rules.add_perm("learning.view_take_up", is_network_admin | is_board_member)


def register_files() -> None:
    """Who may see each file learning keeps (coopnet.core.files): a certificate as its
    enrolment, an evidence file as its self-assessment."""
    register_file(
        "learning.Enrolment",
        "certificate",
        can_view=lambda user, enrolment: allowed(user, "learning.view_enrolment", enrolment),
    )
    register_file(
        "learning.EvidenceFile",
        "file",
        can_view=lambda user, evidence: allowed(
            user, "learning.view_assessment", evidence.assessment
        ),
        prefix="private/learning/evidence/",
    )
