"""Rounds, bids, review, decisions and projects through the services, refusals included."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from coopnet.core.guard import Refused
from coopnet.funding import services
from coopnet.funding.errors import FundingError
from coopnet.funding.models import (
    Bid,
    Decision,
    PaymentInstalment,
    ProgressReport,
    Project,
    ReviewAssignment,
    Round,
)
from coopnet.funding.tests.factories import SYSTEM
from coopnet.members.tests.factories import CouncilFactory, MembershipFactory, category

from .conftest import complete_bid

pytestmark = pytest.mark.django_db


@pytest.fixture
def lab_bid(open_round, lab, org_a, org_b, officer_a, officer_b, principle):
    bid = services.bid_create(
        round=open_round, scheme=lab, lead=org_a, by=officer_a, title="Care co-ops"
    )
    partner = services.bid_add_partner(bid=bid, by=officer_a, organisation=org_b)
    services.partner_confirm(partner=partner, by=officer_b)
    return complete_bid(bid, by=officer_a, principle=principle)


def submitted(bid, by):
    return services.bid_submit(bid=bid, by=by)


def test_a_complete_lab_bid_is_submitted(lab_bid, officer_a):
    bid = submitted(lab_bid, officer_a)
    assert bid.status == Bid.Status.SUBMITTED
    assert bid.amount == Decimal("8000") == bid.budget_total


def test_over_cap_bid_is_refused_with_the_cap(lab_bid, officer_a):
    services.bid_set_budget(bid=lab_bid, by=officer_a, lines=[("Everything", Decimal("20000.01"))])
    with pytest.raises(FundingError, match="at most £20,000"):
        submitted(lab_bid, officer_a)


def test_cap_before_2022_was_lower(lab):
    assert lab.rule_for(2021).cap == Decimal("10000")
    assert lab.rule_for(2022).cap == Decimal("20000")
    assert lab.rule_for(2019) is None


def test_late_bid_is_refused(lab_bid, officer_a, open_round):
    open_round.closes_on = timezone.localdate() - timedelta(days=1)
    open_round.opens_on = open_round.closes_on - timedelta(days=30)
    open_round.save()
    with pytest.raises(FundingError, match="Too late"):
        submitted(lab_bid, officer_a)
    lab_bid.refresh_from_db()
    assert lab_bid.status == Bid.Status.DRAFT


def test_lab_lead_must_be_a_full_member(open_round, lab, officer_a, principle, org_a):
    associate = CouncilFactory(la_code="BDG")
    MembershipFactory(organisation=associate, category=category("associate"))
    bid = services.bid_create(round=open_round, scheme=lab, lead=associate, by=SYSTEM, title="T")
    complete_bid(bid, by=SYSTEM, principle=principle)
    with pytest.raises(FundingError, match="must be led by a Full member"):
        services.bid_submit(bid=bid, by=SYSTEM)


def test_unconfirmed_partner_blocks_submission(open_round, lab, org_a, org_b, officer_a, principle):
    bid = services.bid_create(round=open_round, scheme=lab, lead=org_a, by=officer_a, title="T")
    services.bid_add_partner(bid=bid, by=officer_a, organisation=org_b)
    complete_bid(bid, by=officer_a, principle=principle)
    with pytest.raises(FundingError, match="has not confirmed"):
        submitted(bid, officer_a)


def test_only_the_partner_confirms(lab_bid, officer_a, open_round, lab, org_a, org_b):
    bid = services.bid_create(round=open_round, scheme=lab, lead=org_a, by=officer_a, title="U")
    partner = services.bid_add_partner(bid=bid, by=officer_a, organisation=org_b)
    with pytest.raises(Refused):
        services.partner_confirm(partner=partner, by=officer_a)


def test_prototype_needs_one_locality_and_six_to_nine_months(
    open_round, prototype, org_a, officer_a, principle
):
    bid = services.bid_create(
        round=open_round, scheme=prototype, lead=org_a, by=officer_a, title="P"
    )
    complete_bid(bid, by=officer_a, principle=principle, amount=Decimal("1500"), months=12)
    with pytest.raises(FundingError, match="between 6 and 9 months"):
        submitted(bid, officer_a)


def test_each_member_leads_at_most_one_bid_per_round(
    lab_bid, officer_a, open_round, prototype, org_a, principle
):
    submitted(lab_bid, officer_a)
    second = services.bid_create(
        round=open_round, scheme=prototype, lead=org_a, by=officer_a, title="P"
    )
    complete_bid(second, by=officer_a, principle=principle, amount=Decimal("1500"))
    with pytest.raises(FundingError, match="at most one"):
        submitted(second, officer_a)


def test_budget_must_add_up(lab_bid, officer_a):
    Bid.objects.filter(pk=lab_bid.pk).update(amount=Decimal("9000"))
    lab_bid.refresh_from_db()
    with pytest.raises(FundingError, match="add up to £8,000"):
        submitted(lab_bid, officer_a)


def test_another_officer_cannot_bid_for_a(open_round, lab, org_a, officer_b):
    with pytest.raises(Refused):
        services.bid_create(round=open_round, scheme=lab, lead=org_a, by=officer_b, title="T")


def test_documents_must_be_pdfs(lab_bid, officer_a):
    fake = SimpleUploadedFile("plan.pdf", b"GIF89a not a pdf", content_type="application/pdf")
    with pytest.raises(FundingError, match="must be a PDF"):
        services.bid_add_document(bid=lab_bid, by=officer_a, title="Plan", upload=fake)
    real = SimpleUploadedFile("plan.pdf", b"%PDF-1.7\n%%EOF", content_type="application/pdf")
    doc = services.bid_add_document(bid=lab_bid, by=officer_a, title="Plan", upload=real)
    assert doc.size == 14


def test_documents_over_the_limit_are_refused(lab_bid, officer_a, settings):
    settings.COOPNET_FUNDING_MAX_DOCUMENT_BYTES = 10
    big = SimpleUploadedFile("plan.pdf", b"%PDF-1.7" + b"x" * 20)
    with pytest.raises(FundingError, match="smaller than"):
        services.bid_add_document(bid=lab_bid, by=officer_a, title="Plan", upload=big)


def test_withdrawn_bid_cannot_be_withdrawn_after_decision(lab_bid, officer_a):
    bid = services.bid_withdraw(bid=lab_bid, by=officer_a)
    assert bid.status == Bid.Status.WITHDRAWN


def test_reviewer_from_a_partner_or_lead_is_excluded(
    lab_bid, officer_a, reviewer, reviewer_from_a, network_admin
):
    submitted(lab_bid, officer_a)
    ok = services.reviewer_assign(bid=lab_bid, reviewer=reviewer, by=network_admin)
    excluded = services.reviewer_assign(bid=lab_bid, reviewer=reviewer_from_a, by=network_admin)
    assert ok.status == ReviewAssignment.Status.ASSIGNED
    assert excluded.status == ReviewAssignment.Status.EXCLUDED
    with pytest.raises(FundingError, match="conflict of interest"):
        services.review_score(assignment=excluded, by=reviewer_from_a.user, scores={}, comment="")


def test_only_board_members_serving_review(lab_bid, officer_a, network_admin):
    from coopnet.members.tests.factories import PersonFactory

    submitted(lab_bid, officer_a)
    with pytest.raises(FundingError, match="does not serve"):
        services.reviewer_assign(bid=lab_bid, reviewer=PersonFactory(), by=network_admin)


def _score_all(assignment, by, value=4):
    criteria = assignment.bid.round.criteria.all()
    return services.review_score(
        assignment=assignment, by=by, scores={c.pk: (value, "") for c in criteria}, comment="Good"
    )


def test_scores_and_conflicts(lab_bid, officer_a, reviewer, network_admin):
    submitted(lab_bid, officer_a)
    a = services.reviewer_assign(bid=lab_bid, reviewer=reviewer, by=network_admin)
    with pytest.raises(FundingError, match="scored from 0 to 5"):
        _score_all(a, reviewer.user, value=6)
    a = _score_all(a, reviewer.user)
    assert a.status == ReviewAssignment.Status.SCORED
    assert a.scores.count() == 2
    a = services.conflict_declare(assignment=a, by=reviewer.user, note="My partner works there")
    assert a.status == ReviewAssignment.Status.CONFLICT
    assert not a.scores.exists()


def test_approval_becomes_a_project_and_the_applicant_is_told(
    lab_bid, officer_a, joint_meeting, network_admin, django_capture_on_commit_callbacks
):
    submitted(lab_bid, officer_a)
    with django_capture_on_commit_callbacks(execute=True):
        decision = services.decision_record(
            bid=lab_bid,
            meeting=joint_meeting,
            outcome=Decision.Outcome.APPROVE_WITH_CONDITIONS,
            conditions="Share the toolkit",
            feedback="A strong bid",
            by=network_admin,
        )
    project = Project.objects.get(bid=lab_bid)
    assert decision.amount == Decimal("8000") == project.amount
    assert [p.amount for p in project.payments.all()] == [Decimal("4000"), Decimal("4000")]
    assert project.reports.filter(kind=ProgressReport.Kind.FINAL).count() == 1
    assert set(project.participants.all()) == {
        lab_bid.lead,
        *[p.organisation for p in lab_bid.partners.all()],
    }
    assert "A strong bid" in mail.outbox[-1].body
    assert officer_a.email in mail.outbox[-1].to


def test_the_decision_email_is_written_in_each_reader_s_language(
    lab_bid, officer_a, joint_meeting, network_admin, django_capture_on_commit_callbacks
):
    submitted(lab_bid, officer_a)
    officer_a.language = "cy"
    officer_a.save(update_fields=["language"])
    with django_capture_on_commit_callbacks(execute=True):
        services.decision_record(
            bid=lab_bid,
            meeting=joint_meeting,
            outcome=Decision.Outcome.APPROVE,
            feedback="A strong bid",
            by=network_admin,
        )
    to_officer = next(m for m in mail.outbox if officer_a.email in m.to)
    assert to_officer.to == [officer_a.email]  # a letter of its own, in Welsh
    assert to_officer.subject.startswith("Eich cais")
    assert "A strong bid" in to_officer.body


def test_approving_beyond_the_pot_is_refused_unless_budget_changes(
    open_round, lab, org_a, officer_a, principle, joint_meeting, network_admin
):
    open_round.pots.filter(scheme=lab).update(amount=Decimal("5000"))
    bid = services.bid_create(round=open_round, scheme=lab, lead=org_a, by=officer_a, title="Big")
    complete_bid(bid, by=officer_a, principle=principle)
    submitted(bid, officer_a)
    with pytest.raises(FundingError, match="more than the £5,000 available"):
        services.decision_record(
            bid=bid, meeting=joint_meeting, outcome="approve", by=network_admin
        )
    assert not Decision.objects.exists()
    decision = services.decision_record(
        bid=bid,
        meeting=joint_meeting,
        outcome="approve",
        by=network_admin,
        budget_change=Decimal("3000"),
        budget_change_reason="Carry-forward agreed by the meeting",
    )
    assert decision.budget_change == Decimal("3000")


def test_decisions_need_a_joint_meeting(lab_bid, officer_a, joint_meeting, network_admin, bodies):
    submitted(lab_bid, officer_a)
    joint_meeting.bodies.set([bodies["eoc"]])
    with pytest.raises(FundingError, match="joint meeting"):
        services.decision_record(
            bid=lab_bid, meeting=joint_meeting, outcome="decline", by=network_admin
        )


def test_defer_and_decline_make_no_project(lab_bid, officer_a, joint_meeting, network_admin):
    submitted(lab_bid, officer_a)
    services.decision_record(bid=lab_bid, meeting=joint_meeting, outcome="defer", by=network_admin)
    lab_bid.refresh_from_db()
    assert lab_bid.status == Bid.Status.DEFERRED
    assert not Project.objects.exists()
    with pytest.raises(FundingError, match="cannot be withdrawn"):
        services.bid_withdraw(bid=lab_bid, by=officer_a)


@pytest.fixture
def project(lab_bid, officer_a, joint_meeting, network_admin):
    submitted(lab_bid, officer_a)
    services.decision_record(
        bid=lab_bid, meeting=joint_meeting, outcome="approve", by=network_admin
    )
    return Project.objects.get(bid=lab_bid)


def test_reports_reviewed_and_final_report_completes(project, officer_a, network_admin):
    report = project.reports.order_by("due_on").first()
    with pytest.raises(FundingError, match="grant agreement is signed"):
        services.report_submit(report=report, by=officer_a, progress="x", spend_to_date=None)
    services.agreement_sign(project=project, by=network_admin, on=timezone.localdate())
    first = project.payments.get(trigger=PaymentInstalment.Trigger.ON_SIGNATURE)
    assert first.due_on == timezone.localdate()
    for report in project.reports.order_by("due_on"):
        services.report_submit(
            report=report, by=officer_a, progress="Going well", spend_to_date=None
        )
        with pytest.raises(FundingError, match="what needs to change"):
            services.report_review(report=report, by=network_admin, accept=False, comment="")
        services.report_review(report=report, by=network_admin, accept=False, comment="More detail")
        services.report_submit(
            report=report, by=officer_a, progress="In detail", spend_to_date=None
        )
        services.report_review(report=report, by=network_admin, accept=True, comment="")
    project.refresh_from_db()
    assert project.status == Project.Status.COMPLETED


def test_officer_b_cannot_report_on_a_project(project, officer_b, network_admin):
    services.agreement_sign(project=project, by=network_admin, on=timezone.localdate())
    with pytest.raises(Refused):
        services.report_submit(
            report=project.reports.first(), by=officer_b, progress="x", spend_to_date=None
        )


def test_reminders_mark_reporting_due(
    project, network_admin, django_capture_on_commit_callbacks, officer_a
):
    from coopnet.funding.services.projects import send_reminders

    services.agreement_sign(project=project, by=network_admin, on=timezone.localdate())
    report = project.reports.order_by("due_on").first()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminders(on=report.due_on, by=SYSTEM) == 1
        assert send_reminders(on=report.due_on, by=SYSTEM) == 0  # not twice in a week
    project.refresh_from_db()
    assert project.status == Project.Status.REPORTING_DUE
    assert officer_a.email in mail.outbox[-1].to


def test_follow_up_only_for_participants_of_finished_projects(project, network_admin, org_a):
    today = timezone.localdate()
    with pytest.raises(FundingError, match="finished project"):
        services.follow_up_record(
            project=project,
            organisation=org_a,
            by=network_admin,
            on=today,
            what_changed="x",
            still_used=True,
        )
    services.project_set_status(project=project, by=network_admin, status="completed", on=today)
    other = CouncilFactory(la_code="BDG")
    with pytest.raises(FundingError, match="did not take part"):
        services.follow_up_record(
            project=project,
            organisation=other,
            by=network_admin,
            on=today,
            what_changed="x",
            still_used=True,
        )
    review = services.follow_up_record(
        project=project,
        organisation=org_a,
        by=network_admin,
        on=today,
        what_changed="Adopted",
        still_used=True,
    )
    assert review.still_used


def test_a_deferred_bid_is_carried_into_a_later_round(
    lab_bid, officer_a, joint_meeting, network_admin, open_round, lab, prototype
):
    submitted(lab_bid, officer_a)
    with pytest.raises(FundingError, match="Only a bid deferred"):
        services.bid_carry_forward(bid=lab_bid, to_round=open_round, by=officer_a)
    services.decision_record(bid=lab_bid, meeting=joint_meeting, outcome="defer", by=network_admin)
    later = services.round_save(
        year=open_round.year + 1,
        theme="",
        opens_on=open_round.opens_on,
        closes_on=open_round.closes_on,
        pots={lab: Decimal(60000), prototype: Decimal(15000)},
        by=SYSTEM,
    )
    with pytest.raises(FundingError, match="later round"):
        services.bid_carry_forward(bid=lab_bid, to_round=open_round, by=officer_a)
    new = services.bid_carry_forward(bid=lab_bid, to_round=later, by=officer_a)
    assert new.status == Bid.Status.DRAFT
    assert new.round == later
    assert new.amount == lab_bid.amount == new.budget_total
    assert new.partners.get().confirmed_at is None
    with pytest.raises(FundingError, match="already been carried forward"):
        services.bid_carry_forward(bid=lab_bid, to_round=later, by=officer_a)


def test_a_decision_at_a_meeting_before_the_round_closed_is_refused(
    lab_bid, officer_a, joint_meeting, network_admin, open_round
):
    submitted(lab_bid, officer_a)
    joint_meeting.starts_at = timezone.now()
    joint_meeting.save()
    with pytest.raises(FundingError, match=r"but the round is open until .*after the round has"):
        services.decision_record(
            bid=lab_bid, meeting=joint_meeting, outcome="approve", by=network_admin
        )
    lab_bid.refresh_from_db()
    assert lab_bid.status == Bid.Status.SUBMITTED
    assert not Decision.objects.exists()
    assert not Project.objects.exists()


def test_a_decision_at_a_meeting_before_the_bid_was_submitted_is_refused(
    lab_bid, officer_a, joint_meeting, network_admin, open_round
):
    submitted(lab_bid, officer_a)
    Round.objects.filter(pk=open_round.pk).update(closes_on=None)
    joint_meeting.starts_at = timezone.now() - timedelta(days=3)
    joint_meeting.save()
    with pytest.raises(FundingError, match="before the bid was submitted on"):
        services.decision_record(
            bid=lab_bid, meeting=joint_meeting, outcome="decline", by=network_admin
        )
    assert not Decision.objects.exists()
