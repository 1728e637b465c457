"""Learning's part of the permission matrix: every URL, every role."""

from __future__ import annotations

from typing import Any

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from coopnet.core.models import Principle
from coopnet.core.tests.matrix import (
    DENY,
    EDIT,
    NOT_FOUND,
    OK,
    REDIRECT,
    Entry,
    admins_only,
    editors_of_a,
    everyone,
    signed_in,
)
from coopnet.learning import services
from coopnet.learning.models import PeerReview, SelfAssessment

from .factories import EnrolmentFactory, ProgrammeFactory, SelfAssessmentFactory, framework


def _only(*roles: str, other: object = DENY) -> dict[str, object]:
    return {**signed_in(other), **dict.fromkeys(roles, OK)}


def _posting(*roles: str) -> dict[str, object]:
    return {**signed_in(DENY), **dict.fromkeys(roles, REDIRECT)}


def _pk(name: str):
    return lambda c: {"pk": c[name].pk}


PRIVATE_REPORT = {**editors_of_a(), "anonymous": DENY}  # public pages, but a private report

# Anyone signed in with a person record (officers; the board member, whom the funding part of the
# matrix gives one) may record an enrolment or declare an interest.
WITH_A_PERSON = ("officer_a", "officer_b", "board_member")

ENTRIES: dict[str, Entry] = {
    "learning:programmes": Entry(everyone(OK)),
    "learning:mine": Entry(signed_in(OK)),
    "learning:enrol": Entry(
        _only(*WITH_A_PERSON), lambda c: {"slug": c["learning_programme"].slug}
    ),
    "learning:enrolment_complete": Entry(editors_of_a(), _pk("learning_enrolment")),
    "learning:certificate": Entry(editors_of_a(), _pk("learning_enrolment")),
    "learning:inductions": Entry(admins_only()),
    "learning:induction": Entry(editors_of_a(), _pk("learning_induction")),
    "learning:induction_tick": Entry(
        _posting("officer_a", "network_admin"),
        lambda c: {"pk": c["learning_induction"].pk, "item_id": c["learning_item"].pk},
        method="post",
    ),
    "learning:council_assessments": Entry(editors_of_a(), lambda c: {"slug": c["org_a"].slug}),
    "learning:assessment": Entry(editors_of_a(), _pk("learning_assessment")),
    "learning:assessment_edit": Entry(_only("officer_a"), _pk("learning_assessment")),
    "learning:assessment_invite": Entry(_only("officer_a"), _pk("learning_assessment")),
    "learning:assessment_link": Entry(_only("officer_a"), _pk("learning_assessment")),
    "learning:assessment_evidence": Entry(_only("officer_a"), _pk("learning_assessment")),
    "learning:evidence_file": Entry(
        editors_of_a(),
        lambda c: {"pk": c["learning_assessment"].pk, "file_id": c["learning_evidence"].pk},
    ),
    "learning:assessment_submit": Entry(
        _posting("officer_a"), _pk("learning_assessment"), method="post"
    ),
    "learning:reviews": Entry(admins_only()),
    "learning:review_new": Entry(admins_only()),
    "learning:review": Entry(editors_of_a(), _pk("learning_review")),
    "learning:review_reviewers": Entry(admins_only(), _pk("learning_review")),
    "learning:review_share": Entry(_posting("officer_a"), _pk("learning_review"), method="post"),
    # Only the review's reviewers record findings; no role of the matrix is one.
    "learning:review_findings": Entry(
        signed_in(DENY), lambda c: {"pk": c["learning_review"].pk, "principle": "innovation"}
    ),
    "learning:review_agree": Entry(_only("officer_a"), _pk("learning_review")),
    "learning:review_publish": Entry(_only("officer_a"), _pk("learning_review")),
    "learning:report": Entry(PRIVATE_REPORT, _pk("learning_review")),
    "learning:report_pdf": Entry(PRIVATE_REPORT, _pk("learning_review")),
    "learning:action_complete": Entry(editors_of_a(), _pk("learning_recommendation")),
    "learning:conflict_declare": Entry(_only(*WITH_A_PERSON)),
    "learning:network": Entry(_only("board_member", "network_admin")),
    # The API: programmes, frameworks and published reports for anyone; assessments signed in,
    # and another council's assessment or unpublished review is not found.
    "api:learning-programme-list": Entry(everyone(OK)),
    "api:learning-programme-detail": Entry(
        everyone(OK), lambda c: {"slug": c["learning_programme"].slug}
    ),
    "api:learning-framework-list": Entry(everyone(OK)),
    "api:learning-framework-detail": Entry(
        everyone(OK), lambda c: {"version": c["learning_framework"].version}
    ),
    "api:learning-assessment-list": Entry({**signed_in(OK), "anonymous": DENY}),
    "api:learning-assessment-detail": Entry(
        {**editors_of_a(NOT_FOUND), "anonymous": DENY}, _pk("learning_assessment")
    ),
    "api:learning-review-list": Entry(everyone(OK)),
    "api:learning-review-detail": Entry(
        {**editors_of_a(NOT_FOUND), "anonymous": NOT_FOUND}, _pk("learning_review")
    ),
}


def site_context(ctx: dict[str, Any]) -> dict[str, Any]:
    org_a = ctx["org_a"]
    admin = ctx["users"]["network_admin"]
    officer_a = ctx["users"]["officer_a"]
    current = framework()
    programme = ProgrammeFactory()
    enrolment = EnrolmentFactory.create(
        person=officer_a.person, programme=programme, organisation=org_a
    )
    enrolment.certificate.save("certificate.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    induction = services.induction_start(organisation=org_a, by=admin)
    assessment: SelfAssessment = SelfAssessmentFactory.create(organisation=org_a)
    evidence = services.evidence_attach(
        assessment=assessment,
        title="Charter",
        upload=SimpleUploadedFile("charter.pdf", b"%PDF-1.4\n"),
        by=officer_a,
    )
    review = services.review_setup(organisation=org_a, by=admin)
    agreed = PeerReview.objects.create(
        organisation=org_a, set_up_on=timezone.localdate(), status=PeerReview.Status.PRIVATE
    )
    recommendation = agreed.recommendations.create(
        principle=Principle.objects.get(slug="learning"),
        text="Share more case studies",
        due_on=timezone.localdate(),
    )
    return {
        "learning_framework": current,
        "learning_programme": programme,
        "learning_enrolment": enrolment,
        "learning_induction": induction,
        "learning_item": induction.items.first(),
        "learning_assessment": assessment,
        "learning_evidence": evidence,
        "learning_review": review,
        "learning_recommendation": recommendation,
    }


BACK_OFFICE: dict[str, dict[str, set[str]]] = {
    "learning.programme": {"network_admin": EDIT},
    "learning.inductionstep": {"network_admin": EDIT},
}


def back_office_objects(objects: dict[str, Any]) -> dict[str, Any]:
    from coopnet.learning.models import InductionStep

    return {
        "learning.programme": ProgrammeFactory.create(),
        "learning.inductionstep": InductionStep.objects.first(),
    }
