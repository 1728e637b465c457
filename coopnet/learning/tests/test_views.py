"""Pages of learning: what each person sees, privacy through every page and file, the network
view's minimum group size, and query counts that do not grow with the data."""

from __future__ import annotations

import base64
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coopnet.core.models import Principle
from coopnet.learning import services
from coopnet.learning.models import PeerReview

from .factories import (
    EnrolmentFactory,
    ProgrammeFactory,
    SelfAssessmentFactory,
    member_council,
    officer_of,
    submitted_assessment,
)

pytestmark = pytest.mark.django_db


def _get(client, user, url):
    if user is not None:
        client.force_login(user)
    return client.get(url)


# --- pages --------------------------------------------------------------------------------------


def test_the_programmes_are_public(client):
    ProgrammeFactory(title="Being a Co-operative Council: for officers")
    page = client.get(reverse("learning:programmes"))
    assert page.status_code == 200
    assert "Being a Co-operative Council: for officers" in page.content.decode()


def test_a_member_enrols_from_the_page(client, officer_a, org_a):
    programme = ProgrammeFactory()
    client.force_login(officer_a)
    page = client.post(reverse("learning:enrol", args=[programme.slug]), {"organisation": org_a.pk})
    assert page.status_code == 302
    mine = client.get(reverse("learning:mine")).content.decode()
    assert programme.title in mine


def test_the_induction_flags_overdue_steps_for_the_member_and_staff(
    client, officer_a, network_admin, org_a
):
    induction = services.induction_start(
        organisation=org_a, by=network_admin, on=timezone.localdate() - timedelta(days=30)
    )
    for user in (officer_a, network_admin):
        client.force_login(user)
        page = client.get(reverse("learning:induction", args=[induction.pk])).content.decode()
        assert "Overdue" in page
    staff = client.get(reverse("learning:inductions")).content.decode()
    assert org_a.name in staff
    assert "govuk-tag--red" in staff
    client.force_login(officer_a)
    assert "overdue" in client.get(reverse("learning:mine")).content.decode()


def test_the_assessment_page_shows_progress_as_a_chart_and_a_table(
    client, current_framework, officer_a, org_a
):
    submitted_assessment(org_a, 2, started_on=timezone.localdate() - timedelta(days=400))
    latest = submitted_assessment(org_a, 3)
    client.force_login(officer_a)
    page = client.get(reverse("learning:assessment", args=[latest.pk])).content.decode()
    # The chart is a picture (an SVG image, never inline markup or a script) with a description.
    chart = re.search(
        r'<img class="coopnet-chart" src="data:image/svg\+xml;base64,([^"]+)" alt="([^"]+)"', page
    )
    assert chart, "the chart is shown as an image"
    svg = base64.b64decode(chart.group(1)).decode()
    assert "pygal-chart" in svg
    assert "<script" not in svg
    assert "the table gives the same figures" in chart.group(2)
    assert "Mean rating per principle" in page
    assert page.count('<td class="govuk-table__cell govuk-table__cell--numeric">') >= 20


def test_a_colleague_contributes_through_the_page(
    client, current_framework, officer_a, colleague_a, org_a
):
    assessment = services.assessment_start(organisation=org_a, by=officer_a)
    services.assessment_invite(assessment=assessment, person=colleague_a.person, by=officer_a)
    criterion = current_framework.criteria.first()
    client.force_login(colleague_a)
    data = {f"score_{criterion.pk}": "3", f"evidence_{criterion.pk}": "Our charter"}
    data.update({f"action_{i.pk}": "not_started" for i in current_framework.actions.all()})
    page = client.post(reverse("learning:assessment_edit", args=[assessment.pk]), data)
    assert page.status_code == 302
    assert assessment.ratings.get().evidence == "Our charter"


def test_a_reviewer_from_the_reviewed_council_is_refused_on_the_form(
    client, network_admin, colleague_a, org_a
):
    review = services.review_setup(organisation=org_a, by=network_admin)
    client.force_login(network_admin)
    page = client.post(
        reverse("learning:review_reviewers", args=[review.pk]), {"person": colleague_a.person.pk}
    )
    assert page.status_code == 200
    assert "from the council under review" in page.content.decode()


def test_the_report_renders_as_pdf(client, network_admin, reviewer_c, officer_a, org_a):
    review = services.review_setup(organisation=org_a, by=network_admin)
    services.review_assign_reviewer(review=review, person=reviewer_c.person, by=network_admin)
    services.review_record_findings(
        review=review,
        principle=Principle.objects.get(slug="democratic-engagement"),
        findings="Participatory budgeting in every ward.",
        recommendations=[
            services.RecommendationInput(
                text="Publish what residents decided", due_on=timezone.localdate()
            )
        ],
        by=reviewer_c,
    )
    client.force_login(officer_a)
    html = client.get(reverse("learning:report", args=[review.pk])).content.decode()
    assert "Participatory budgeting in every ward." in html
    pdf = client.get(reverse("learning:report_pdf", args=[review.pk]))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")


# --- privacy ------------------------------------------------------------------------------------


@pytest.fixture
def private(current_framework, network_admin, officer_a, org_a):
    """Council A's draft and submitted assessments, a private report, and a certificate."""
    draft = SelfAssessmentFactory(organisation=org_a, summary="SECRET DRAFT")
    submitted = submitted_assessment(org_a, 4, summary="SECRET SUBMITTED")
    review = PeerReview.objects.create(
        organisation=org_a,
        assessment=submitted,
        set_up_on=timezone.localdate(),
        status=PeerReview.Status.PRIVATE,
        summary="SECRET REPORT",
    )
    enrolment = EnrolmentFactory(person=officer_a.person, organisation=org_a)
    from django.core.files.base import ContentFile

    enrolment.certificate.save("c.pdf", ContentFile(b"%PDF-1.4 secret"), save=True)
    return {"draft": draft, "submitted": submitted, "review": review, "enrolment": enrolment}


def _private_urls(p, org_a):
    return [
        reverse("learning:council_assessments", args=[org_a.slug]),
        *(
            reverse(name, args=[p[which].pk])
            for which in ("draft", "submitted")
            for name in (
                "learning:assessment",
                "learning:assessment_edit",
                "learning:assessment_link",
            )
        ),
        reverse("learning:assessment_invite", args=[p["draft"].pk]),
        reverse("learning:review", args=[p["review"].pk]),
        reverse("learning:report", args=[p["review"].pk]),
        reverse("learning:report_pdf", args=[p["review"].pk]),
        reverse("learning:review_publish", args=[p["review"].pk]),
        reverse("learning:certificate", args=[p["enrolment"].pk]),
    ]


def test_another_council_sees_nothing_private_through_any_page_or_file(
    client, private, officer_b, board_member, org_a
):
    for user in (officer_b, board_member):
        client.force_login(user)
        for url in _private_urls(private, org_a):
            page = client.get(url)
            assert page.status_code == 403, url
            assert b"SECRET" not in page.content
        mine = client.get(reverse("learning:mine")).content
        assert b"SECRET" not in mine
        found = client.get(reverse("core:search"), {"q": "SECRET"})
        assert found.status_code == 200
        assert b"SECRET DRAFT" not in found.content
        assert b"SECRET REPORT" not in found.content
        assert org_a.name.encode() not in mine


def test_a_private_report_is_hidden_from_visitors_and_a_published_one_is_not(client, private):
    review = private["review"]
    assert client.get(reverse("learning:report", args=[review.pk])).status_code == 403
    review.status = PeerReview.Status.PUBLISHED
    review.save()
    page = client.get(reverse("learning:report", args=[review.pk]))
    assert page.status_code == 200
    assert b"SECRET REPORT" in page.content
    # Publishing the report does not publish the self-assessment it drew on.
    assert client.get(
        reverse("learning:assessment", args=[private["submitted"].pk])
    ).status_code in (
        302,
        403,
    )


def test_a_reviewer_sees_only_the_shared_assessment(
    client, private, network_admin, reviewer_c, officer_a
):
    review = private["review"]
    review.status = PeerReview.Status.SET_UP
    review.save()
    services.review_assign_reviewer(review=review, person=reviewer_c.person, by=network_admin)
    earlier = private["submitted"]
    later = submitted_assessment(
        private["draft"].organisation, 1, summary="SHARED", started_on=timezone.localdate()
    )
    services.review_share_assessment(review=review, assessment=later, by=officer_a)
    client.force_login(reviewer_c)
    page = client.get(reverse("learning:assessment", args=[later.pk]))
    assert page.status_code == 200
    assert b"SHARED" in page.content
    # One column in the progress table: the earlier, unshared assessment is not in it.
    assert page.content.count(b"govuk-table__header--numeric") == 1
    assert client.get(reverse("learning:assessment", args=[earlier.pk])).status_code == 403
    assert client.get(reverse("learning:assessment", args=[private["draft"].pk])).status_code == 403


def test_posting_to_another_councils_assessment_is_refused(client, private, officer_b):
    client.force_login(officer_b)
    page = client.post(reverse("learning:assessment_submit", args=[private["draft"].pk]))
    assert page.status_code == 403


def test_the_network_view_is_for_staff_and_the_board_only(client, private, officer_a, officer_b):
    for user in (officer_a, officer_b):
        client.force_login(user)
        assert client.get(reverse("learning:network")).status_code == 403


def test_staff_see_take_up_by_member_and_category(client, network_admin, board_member, org_a):
    EnrolmentFactory(organisation=org_a, status="completed")
    EnrolmentFactory(organisation=org_a)
    page = _network(client, network_admin)
    assert "By membership category" in page
    assert org_a.name in page
    assert "By membership category" not in _network(client, board_member)


# --- the network view ---------------------------------------------------------------------------


def _network(client, user):
    client.force_login(user)
    return client.get(reverse("learning:network")).content.decode()


def test_the_network_view_hides_groups_below_the_minimum(
    client, current_framework, board_member, settings
):
    settings.COOPNET_LEARNING_MIN_GROUP_SIZE = 5
    councils = [member_council(f"Full {n}") for n in range(4)]
    for council in councils:
        submitted_assessment(council, 4)
    page = _network(client, board_member)
    assert "Hidden: too few councils" in page
    assert "4.0 <span" not in page
    assert "Too few councils" in page  # the actions too
    for council in councils:
        assert council.name not in page
    submitted_assessment(member_council("Full 4"), 4)
    page = _network(client, board_member)
    assert "Hidden: too few councils" not in page
    assert "4.0 <span" in page


def test_a_small_group_cannot_be_worked_out_by_subtraction(
    client, current_framework, network_admin, settings
):
    """Five Full members and one Associate: the Associate's figure would be the overall minus
    the Full one, so the Full group is hidden too; the overall figure of six stays."""
    settings.COOPNET_LEARNING_MIN_GROUP_SIZE = 5
    for n in range(5):
        submitted_assessment(member_council(f"Full {n}"), 2)
    submitted_assessment(member_council("Associate", category="associate"), 4)
    page = _network(client, network_admin)
    assert "2.0 <span" not in page  # the Full group alone
    assert "2.3 <span" in page  # all six: (5 × 2 + 4) / 6
    assert page.count("Hidden: too few councils") == 20  # two groups × ten principles


# --- queries do not grow with the data ----------------------------------------------------------


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _grow_network(n: int) -> None:
    for i in range(n):
        council = member_council(f"Council {i}")
        submitted_assessment(council, 1 + i % 4)
        services.induction_start(organisation=council, by=_admin())
        EnrolmentFactory(organisation=council)


_ADMIN: list = []


def _admin():
    return _ADMIN[0]


@pytest.mark.parametrize(
    "url",
    ["learning:network", "learning:inductions", "learning:reviews"],
)
def test_staff_pages_cost_the_same_queries_at_3_and_30(
    client, current_framework, network_admin, url, django_assert_num_queries, settings
):
    settings.COOPNET_LEARNING_MIN_GROUP_SIZE = 2  # every group shown at 3 and at 30
    _ADMIN[:] = [network_admin]
    client.force_login(network_admin)
    _grow_network(3)
    expected = _count(client, reverse(url))
    _grow_network(27)
    with django_assert_num_queries(expected):
        client.get(reverse(url))


def test_my_learning_costs_the_same_queries_at_3_and_30(
    client, current_framework, network_admin, org_a, officer_a, django_assert_num_queries
):
    client.force_login(officer_a)

    def grow(n):
        for _ in range(n):
            EnrolmentFactory(person=officer_a.person, organisation=org_a)
            EnrolmentFactory(organisation=org_a)
            services.review_setup(organisation=org_a, by=network_admin)
            PeerReview.objects.filter(organisation=org_a).update(status=PeerReview.Status.PRIVATE)

    grow(3)
    expected = _count(client, reverse("learning:mine"))
    grow(27)
    with django_assert_num_queries(expected):
        client.get(reverse("learning:mine"))


def test_the_assessment_page_costs_the_same_queries_at_3_and_30_contributors(
    client, current_framework, officer_a, org_a, django_assert_num_queries
):
    assessment = services.assessment_start(organisation=org_a, by=officer_a)
    client.force_login(officer_a)

    def grow(n):
        for _ in range(n):
            colleague = officer_of(org_a, manages=False)
            services.assessment_invite(assessment=assessment, person=colleague.person, by=officer_a)

    grow(3)
    expected = _count(client, reverse("learning:assessment", args=[assessment.pk]))
    grow(27)
    with django_assert_num_queries(expected):
        client.get(reverse("learning:assessment", args=[assessment.pk]))
