"""Services of learning: what they write, and each refusal."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from coopnet.core.audit import audit_trail_for
from coopnet.core.guard import Refused
from coopnet.core.models import Principle
from coopnet.learning import services
from coopnet.learning.errors import LearningError
from coopnet.learning.models import (
    ActionAnswer,
    Enrolment,
    InductionItem,
    PeerReview,
    SelfAssessment,
)
from coopnet.learning.phases import STEPS

from .factories import PeerReviewFactory, ProgrammeFactory, officer_of, submitted_assessment

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%fake but recognisable\n"


def _rate_all(assessment, by, score=3):
    services.assessment_contribute(
        assessment=assessment,
        by=by,
        ratings=[
            services.RatingInput(criterion_id=c.pk, score=score, evidence="We do this")
            for c in assessment.framework.criteria.all()
        ],
    )


# --- training -----------------------------------------------------------------------------------


def test_a_person_records_their_own_enrolment_and_completion_with_a_certificate(officer_a, org_a):
    programme = ProgrammeFactory()
    enrolment = services.enrolment_record(
        person=officer_a.person, programme=programme, organisation=org_a, by=officer_a
    )
    assert enrolment.status == Enrolment.Status.ENROLLED
    upload = SimpleUploadedFile("../../evil name.pdf", PDF, content_type="application/pdf")
    services.enrolment_complete(
        enrolment=enrolment, by=officer_a, completed_on=timezone.localdate(), certificate=upload
    )
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED
    assert enrolment.certificate.name.endswith(f"certificate-{enrolment.pk}.pdf")
    assert [e.action for e in audit_trail_for(enrolment)] == [
        "enrolment.completed",
        "enrolment.recorded",
    ]


def test_a_certificate_must_be_a_pdf_by_its_content(officer_a):
    enrolment = services.enrolment_record(
        person=officer_a.person, programme=ProgrammeFactory(), by=officer_a
    )
    fake = SimpleUploadedFile("certificate.pdf", b"MZ not a pdf", content_type="application/pdf")
    with pytest.raises(LearningError, match="must be one of: PDF"):
        services.enrolment_complete(
            enrolment=enrolment, by=officer_a, completed_on=timezone.localdate(), certificate=fake
        )
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ENROLLED  # nothing half-written


def test_no_one_records_someone_elses_enrolment(officer_a, officer_b):
    with pytest.raises(Refused):
        services.enrolment_record(
            person=officer_b.person, programme=ProgrammeFactory(), by=officer_a
        )


# --- induction ----------------------------------------------------------------------------------


def test_induction_start_makes_the_three_phase_checklist_once(network_admin, org_a):
    induction = services.induction_start(organisation=org_a, by=network_admin)
    items = list(induction.items.all())
    assert len(items) == len(STEPS)
    assert {i.phase for i in items} == {1, 2, 3}
    assert all(i.due_on > induction.started_on for i in items)
    again = services.induction_start(organisation=org_a, by=network_admin)
    assert again.pk == induction.pk
    assert InductionItem.objects.filter(induction=induction).count() == len(STEPS)


def test_the_member_ticks_off_its_own_induction_but_not_another(network_admin, officer_a, org_b):
    induction = services.induction_start(
        organisation=officer_a.person.roles.first().organisation, by=network_admin
    )
    item = induction.items.first()
    services.induction_item_done(item=item, by=officer_a)
    item.refresh_from_db()
    assert item.done_on == timezone.localdate()
    other = services.induction_start(organisation=org_b, by=network_admin)
    with pytest.raises(Refused):
        services.induction_item_done(item=other.items.first(), by=officer_a)


def test_only_staff_start_an_induction_by_hand(officer_a, org_a):
    with pytest.raises(Refused):
        services.induction_start(organisation=org_a, by=officer_a)


# --- self-assessment ----------------------------------------------------------------------------


def test_a_manager_starts_invites_a_colleague_who_contributes_and_submits(
    current_framework, officer_a, colleague_a, org_a
):
    assessment = services.assessment_start(organisation=org_a, by=officer_a)
    assert assessment.status == SelfAssessment.Status.DRAFT
    services.assessment_invite(assessment=assessment, person=colleague_a.person, by=officer_a)
    _rate_all(assessment, colleague_a)
    item = current_framework.actions.first()
    services.assessment_contribute(
        assessment=assessment,
        by=colleague_a,
        actions=[services.ActionInput(item_id=item.pk, status="in_place", evidence="Adopted 2024")],
    )
    services.assessment_submit(assessment=assessment, by=officer_a)
    assessment.refresh_from_db()
    assert assessment.status == SelfAssessment.Status.SUBMITTED
    assert assessment.ratings.count() == current_framework.criteria.count() == 10
    assert ActionAnswer.objects.get(assessment=assessment, item=item).status == "in_place"
    assert "assessment.submitted" in [e.action for e in audit_trail_for(assessment)]


def test_a_non_manager_cannot_start_an_assessment(current_framework, officer_b, colleague_a, org_a):
    for outsider in (officer_b, colleague_a):
        with pytest.raises(Refused, match="Only those who manage"):
            services.assessment_start(organisation=org_a, by=outsider)
    assert not SelfAssessment.objects.exists()


def test_a_colleague_not_invited_cannot_contribute(
    current_framework, officer_a, colleague_a, org_a
):
    assessment = services.assessment_start(organisation=org_a, by=officer_a)
    with pytest.raises(Refused, match="invited colleagues"):
        _rate_all(assessment, colleague_a)
    assert not assessment.ratings.exists()


def test_an_invited_colleague_may_not_submit(current_framework, officer_a, colleague_a, org_a):
    assessment = services.assessment_start(organisation=org_a, by=officer_a)
    services.assessment_invite(assessment=assessment, person=colleague_a.person, by=officer_a)
    _rate_all(assessment, colleague_a)
    with pytest.raises(Refused):
        services.assessment_submit(assessment=assessment, by=colleague_a)


def test_only_colleagues_at_the_council_can_be_invited(
    current_framework, officer_a, officer_b, org_a
):
    assessment = services.assessment_start(organisation=org_a, by=officer_a)
    with pytest.raises(LearningError, match="current role at the council"):
        services.assessment_invite(assessment=assessment, person=officer_b.person, by=officer_a)


def test_a_rating_off_the_scale_is_rejected(current_framework, officer_a, org_a):
    assessment = services.assessment_start(organisation=org_a, by=officer_a)
    criterion = current_framework.criteria.first()
    with pytest.raises(LearningError, match="scale"):
        services.assessment_contribute(
            assessment=assessment,
            by=officer_a,
            ratings=[services.RatingInput(criterion_id=criterion.pk, score=9)],
        )


def test_submitting_needs_every_criterion_rated_and_then_it_is_fixed(
    current_framework, officer_a, org_a
):
    assessment = services.assessment_start(organisation=org_a, by=officer_a)
    with pytest.raises(LearningError, match="10 still to rate"):
        services.assessment_submit(assessment=assessment, by=officer_a)
    _rate_all(assessment, officer_a)
    services.assessment_submit(assessment=assessment, by=officer_a)
    with pytest.raises(LearningError, match="submitted"):
        _rate_all(assessment, officer_a, score=4)


def test_one_draft_at_a_time(current_framework, officer_a, org_a):
    services.assessment_start(organisation=org_a, by=officer_a)
    with pytest.raises(LearningError, match="already has a draft"):
        services.assessment_start(organisation=org_a, by=officer_a)


def test_only_the_councils_own_published_records_can_be_linked(current_framework, officer_a, org_a):
    assessment = services.assessment_start(organisation=org_a, by=officer_a)
    with pytest.raises(LearningError, match="own published"):
        services.assessment_link(
            assessment=assessment, by=officer_a, case_study_ids=[999999], project_ids=[]
        )


# --- peer review --------------------------------------------------------------------------------


@pytest.fixture
def review(network_admin, org_a) -> PeerReview:
    return services.review_setup(organisation=org_a, by=network_admin)


def test_only_staff_set_up_a_review(officer_a, org_a):
    with pytest.raises(Refused):
        services.review_setup(organisation=org_a, by=officer_a)


def test_a_reviewer_comes_from_another_member_council(review, network_admin, reviewer_c, org_c):
    reviewer = services.review_assign_reviewer(
        review=review, person=reviewer_c.person, by=network_admin
    )
    assert reviewer.organisation == org_c


def test_a_reviewer_from_the_council_under_review_is_refused(review, network_admin, colleague_a):
    with pytest.raises(LearningError, match="from the council under review") as exc:
        services.review_assign_reviewer(review=review, person=colleague_a.person, by=network_admin)
    assert exc.value.code == "own_council"
    assert not review.reviewers.exists()


def test_a_reviewer_with_a_declared_conflict_is_refused(review, network_admin, reviewer_c, org_a):
    services.conflict_declare(
        person=reviewer_c.person, organisation=org_a, reason="My partner works there", by=reviewer_c
    )
    with pytest.raises(LearningError, match="declared a conflict") as exc:
        services.review_assign_reviewer(review=review, person=reviewer_c.person, by=network_admin)
    assert exc.value.code == "conflict"


def test_a_reviewer_must_hold_a_role_at_a_member_council(review, network_admin):
    from coopnet.members.tests.factories import OrganisationFactory

    outsider = officer_of(OrganisationFactory())  # an organisation with no membership
    with pytest.raises(LearningError, match="another member council"):
        services.review_assign_reviewer(review=review, person=outsider.person, by=network_admin)


def test_no_one_declares_a_conflict_for_someone_else(reviewer_c, reviewer_d, org_a):
    with pytest.raises(Refused):
        services.conflict_declare(
            person=reviewer_d.person, organisation=org_a, reason="x", by=reviewer_c
        )


def test_the_whole_review_findings_agree_publish_and_actions(
    current_framework, review, network_admin, reviewer_c, reviewer_d, officer_a, org_a
):
    assessment = submitted_assessment(org_a, 3)
    services.review_share_assessment(review=review, assessment=assessment, by=officer_a)
    for person in (reviewer_c, reviewer_d):
        services.review_assign_reviewer(review=review, person=person.person, by=network_admin)
    principle = Principle.objects.get(slug="co-production")
    due = timezone.localdate() + timedelta(days=90)
    services.review_record_findings(
        review=review,
        principle=principle,
        findings="Residents co-design adult social care.",
        recommendations=[services.RecommendationInput(text="Extend it to housing", due_on=due)],
        by=reviewer_c,
    )
    services.review_agree(review=review, by=officer_a, summary="A strong start.")
    with pytest.raises(LearningError, match="agreed"):
        services.review_record_findings(
            review=review, principle=principle, findings="Late", recommendations=[], by=reviewer_d
        )
    services.review_publish(review=review, publish=False, by=officer_a)
    review.refresh_from_db()
    assert review.status == PeerReview.Status.PRIVATE
    recommendation = review.recommendations.get()
    services.action_complete(recommendation=recommendation, by=officer_a, note="Done in housing")
    recommendation.refresh_from_db()
    assert recommendation.completed_on == timezone.localdate()


def test_only_reviewers_record_findings(review, officer_a, officer_b):
    principle = Principle.objects.get(slug="innovation")
    for outsider in (officer_a, officer_b):
        with pytest.raises(Refused, match="reviewers"):
            services.review_record_findings(
                review=review, principle=principle, findings="x", recommendations=[], by=outsider
            )


def test_only_the_council_agrees_and_publishes_its_report(
    review, network_admin, reviewer_c, officer_b, officer_a
):
    services.review_assign_reviewer(review=review, person=reviewer_c.person, by=network_admin)
    services.review_record_findings(
        review=review,
        principle=Principle.objects.get(slug="innovation"),
        findings="Good",
        recommendations=[],
        by=reviewer_c,
    )
    for outsider in (officer_b, reviewer_c):
        with pytest.raises(Refused):
            services.review_agree(review=review, by=outsider)
    services.review_agree(review=review, by=officer_a)
    with pytest.raises(Refused):
        services.review_publish(review=review, publish=True, by=officer_b)


def test_a_report_with_no_findings_cannot_be_agreed(review, officer_a):
    with pytest.raises(LearningError, match="not recorded any findings"):
        services.review_agree(review=review, by=officer_a)


def test_another_councils_assessment_cannot_be_shared(current_framework, review, officer_a, org_b):
    with pytest.raises(LearningError, match="own self-assessments"):
        services.review_share_assessment(
            review=review, assessment=submitted_assessment(org_b, 2), by=officer_a
        )


def test_actions_start_only_when_the_report_is_agreed(officer_a, org_a):
    review = PeerReviewFactory(organisation=org_a)
    rec = review.recommendations.create(
        principle=Principle.objects.get(slug="learning"), text="x", due_on=timezone.localdate()
    )
    with pytest.raises(LearningError, match="once the report is agreed"):
        services.action_complete(recommendation=rec, by=officer_a)


def test_reminders_go_to_the_councils_managers_for_actions_coming_due(
    officer_a, officer_b, org_a, mailoutbox, django_capture_on_commit_callbacks
):
    from django.core.management import call_command

    review = PeerReviewFactory(organisation=org_a, status=PeerReview.Status.PRIVATE)
    learning = Principle.objects.get(slug="learning")
    today = timezone.localdate()
    review.recommendations.create(principle=learning, text="Soon", due_on=today + timedelta(days=7))
    review.recommendations.create(
        principle=learning, text="Later", due_on=today + timedelta(days=60)
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("learning_send_reminders")
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [officer_a.person.email]
    assert "Soon" in mailoutbox[0].body
