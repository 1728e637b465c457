"""A self-assessment with a colleague's contribution and a peer review with two reviewers from
other councils, in Chromium, with axe-core on every page; then another council is turned away."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import PASSWORD
from coopnet.learning.models import PeerReview, SelfAssessment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in_as(bp, user):
    bp.page.context.clear_cookies()
    return bp.sign_in(user.email, PASSWORD)


def test_a_self_assessment_and_a_peer_review_end_to_end(
    browser_page,
    current_framework,
    org_a,
    officer_a,
    colleague_a,
    officer_b,
    network_admin,
    reviewer_c,
    reviewer_d,
):
    bp, page = browser_page, browser_page.page
    # The council starts its self-assessment and invites a colleague.
    sign_in_as(bp, officer_a)
    bp.visit(f"/learning/councils/{org_a.slug}/assessments/")
    bp.submit("Start a self-assessment")
    bp.follow("Invite a colleague")
    page.get_by_label("Colleague").select_option(label=colleague_a.person.full_name)
    bp.submit("Invite")
    assessment = SelfAssessment.objects.get(organisation=org_a)

    # The colleague rates every criterion.
    sign_in_as(bp, colleague_a)
    bp.visit(f"/learning/assessments/{assessment.pk}/")
    bp.follow("Contribute")
    for criterion in current_framework.criteria.all():
        page.locator(f"#id_score_{criterion.pk}").select_option("3")
    page.locator(f"#id_evidence_{current_framework.criteria.first().pk}").fill("Our charter")
    bp.submit("Save")
    assert "Your contribution is saved." in page.content()
    # ...and attaches evidence, checked by its content.
    bp.follow("Attach an evidence file")
    page.get_by_label("What the file shows").fill("Signed charter")
    page.get_by_label("File", exact=True).set_input_files(
        files=[{"name": "charter.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 x"}]
    )
    bp.submit("Attach")
    assert "The evidence file is attached." in page.content()
    evidence = assessment.evidence_files.get()

    # The manager submits it.
    sign_in_as(bp, officer_a)
    bp.visit(f"/learning/assessments/{assessment.pk}/")
    bp.submit("Submit the self-assessment")
    assert "Your self-assessment is submitted." in page.content()

    # Staff set up the review and assign two reviewers from other councils.
    sign_in_as(bp, network_admin)
    bp.visit("/learning/reviews/new/")
    page.get_by_label("Council to review").select_option(label=org_a.name)
    bp.submit("Set up")
    review = PeerReview.objects.get(organisation=org_a)
    for reviewer in (reviewer_c, reviewer_d):
        bp.follow("Assign a reviewer")
        page.get_by_label("Reviewer").select_option(label=reviewer.person.full_name)
        bp.submit("Assign")
    assert review.reviewers.count() == 2

    # The council shares its self-assessment.
    sign_in_as(bp, officer_a)
    bp.visit(f"/learning/reviews/{review.pk}/")
    bp.submit("Share")
    assert "shared with the reviewers" in page.content()

    # Each reviewer records findings; one with a recommendation.
    due = (timezone.localdate() + timedelta(days=60)).isoformat()
    for reviewer, principle in ((reviewer_c, "Innovation"), (reviewer_d, "Co-production")):
        sign_in_as(bp, reviewer)
        bp.visit(f"/learning/reviews/{review.pk}/")
        bp.follow(f"Record findings {principle}")
        page.get_by_label("Findings").fill(f"Strong practice in {principle.lower()}.")
        if principle == "Innovation":
            page.get_by_label("Recommendation (optional)").fill("Evaluate the pilots")
            page.get_by_label("Action due on").fill(due)
        bp.submit("Save")
        assert "The findings are saved." in page.content()

    # The council agrees the report, keeps it private, and reads it as a PDF too.
    sign_in_as(bp, officer_a)
    bp.visit(f"/learning/reviews/{review.pk}/")
    bp.follow("Agree the report")
    page.get_by_label("Summary of the report").fill("A council on its way.")
    bp.submit("Agree the report")
    bp.follow("Publish the report or keep it private")
    page.get_by_label("No, keep it private").check()
    bp.submit("Save")
    review.refresh_from_db()
    assert review.status == PeerReview.Status.PRIVATE
    assert review.recommendations.count() == 1
    bp.visit(f"/learning/reviews/{review.pk}/report/")
    assert "Evaluate the pilots" in page.content()

    # Another council cannot read the private report or the assessment.
    sign_in_as(bp, officer_b)
    for path in (
        f"/learning/reviews/{review.pk}/report/",
        f"/learning/assessments/{assessment.pk}/",
    ):
        response = page.goto(bp.url(path))
        bp.check()
        assert response is not None
        assert response.status == 403
    # ...nor through the evidence file, the API or search.
    assert page.request.get(bp.url(evidence.get_absolute_url())).status == 403
    for path in (
        f"/api/v1/learning/assessments/{assessment.pk}/",
        f"/api/v1/learning/reviews/{review.pk}/",
    ):
        assert page.request.get(bp.url(path)).status == 404
    listed = page.request.get(bp.url("/api/v1/learning/assessments/")).json()
    assert listed["results"] == []
