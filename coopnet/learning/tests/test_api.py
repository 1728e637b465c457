"""Learning in API v1: public programmes and framework; self-assessments and reports only as the
site's permissions allow, with every refusal."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from coopnet.learning import services
from coopnet.learning.models import PeerReview, Reviewer

from .factories import ProgrammeFactory, SelfAssessmentFactory, submitted_assessment

pytestmark = pytest.mark.django_db


@pytest.fixture
def private(current_framework, org_a, officer_a, colleague_a):
    draft = SelfAssessmentFactory(organisation=org_a, summary="SECRET DRAFT")
    services.assessment_invite(assessment=draft, person=colleague_a.person, by=officer_a)
    submitted = submitted_assessment(org_a, 3, summary="SECRET SUBMITTED")
    report = PeerReview.objects.create(
        organisation=org_a,
        assessment=submitted,
        set_up_on=timezone.localdate(),
        status=PeerReview.Status.PRIVATE,
        summary="SECRET REPORT",
    )
    return {"draft": draft, "submitted": submitted, "report": report}


def _ids(response):
    return {row["id"] for row in response.json()["results"]}


def test_programmes_and_the_framework_are_public(client, current_framework):
    ProgrammeFactory(title="Being a Co-operative Council")
    programmes = client.get(reverse("api:learning-programme-list")).json()
    assert [p["title"] for p in programmes["results"]] == ["Being a Co-operative Council"]
    framework = client.get(
        reverse("api:learning-framework-detail", args=[current_framework.version])
    ).json()
    assert len(framework["criteria"]) == 10
    assert framework["criteria"][0]["levels"]


def test_a_visitor_is_refused_assessments_and_sees_no_private_report(client, private):
    assert client.get(reverse("api:learning-assessment-list")).status_code == 403
    detail = reverse("api:learning-assessment-detail", args=[private["draft"].pk])
    assert client.get(detail).status_code == 403
    reviews = client.get(reverse("api:learning-review-list"))
    assert reviews.json()["results"] == []
    assert b"SECRET" not in reviews.content
    report = reverse("api:learning-review-detail", args=[private["report"].pk])
    assert client.get(report).status_code == 404


def test_another_council_and_the_board_see_nothing_private(
    client, private, officer_b, board_member
):
    for user in (officer_b, board_member):
        client.force_login(user)
        listed = client.get(reverse("api:learning-assessment-list"))
        assert listed.status_code == 200
        assert listed.json()["results"] == []
        for which in ("draft", "submitted"):
            url = reverse("api:learning-assessment-detail", args=[private[which].pk])
            assert client.get(url).status_code == 404
        url = reverse("api:learning-review-detail", args=[private["report"].pk])
        assert client.get(url).status_code == 404
        assert b"SECRET" not in client.get(reverse("api:learning-review-list")).content


def test_the_council_its_colleague_a_reviewer_and_staff_see_what_the_site_shows_them(
    client, private, officer_a, colleague_a, reviewer_c, network_admin
):
    Reviewer.objects.create(
        review=private["report"],
        person=reviewer_c.person,
        organisation=reviewer_c.person.roles.first().organisation,
        assigned_on=timezone.localdate(),
    )
    both = {private["draft"].pk, private["submitted"].pk}
    expected = {
        officer_a: both,
        network_admin: both,
        colleague_a: {private["draft"].pk},
        reviewer_c: {private["submitted"].pk},
    }
    for user, ids in expected.items():
        client.force_login(user)
        assert _ids(client.get(reverse("api:learning-assessment-list"))) == ids
    client.force_login(reviewer_c)
    report = client.get(reverse("api:learning-review-detail", args=[private["report"].pk]))
    assert report.json()["summary"] == "SECRET REPORT"


def test_a_published_report_is_public_but_not_its_assessment(client, private):
    review = private["report"]
    review.status = PeerReview.Status.PUBLISHED
    review.save()
    assert _ids(client.get(reverse("api:learning-review-list"))) == {review.pk}
    url = reverse("api:learning-assessment-detail", args=[private["submitted"].pk])
    assert client.get(url).status_code == 403


def test_nobody_writes(client, private, officer_a):
    client.force_login(officer_a)
    for url in (
        reverse("api:learning-assessment-list"),
        reverse("api:learning-review-list"),
        reverse("api:learning-programme-list"),
    ):
        assert client.post(url, {}).status_code == 405


def test_the_assessment_list_costs_the_same_at_any_size(
    client, current_framework, network_admin, django_assert_max_num_queries
):
    from .factories import member_council

    client.force_login(network_admin)
    for n in range(3):
        submitted_assessment(member_council(f"Council {n}"), 2)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("api:learning-assessment-list"))
    for n in range(3, 15):
        submitted_assessment(member_council(f"Council {n}"), 2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("api:learning-assessment-list"))
