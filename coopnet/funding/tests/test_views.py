"""Pages as users meet them: filters, refusals shown, PDFs, and pinned query counts."""

from __future__ import annotations

import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pypdf import PdfReader

from coopnet.core.models import Principle
from coopnet.funding import services
from coopnet.funding.models import Bid, Project, Round, Scheme
from coopnet.funding.tests.factories import SYSTEM
from coopnet.members.tests.factories import CouncilFactory, MembershipFactory, category

from .conftest import complete_bid

pytestmark = pytest.mark.django_db

LA_CODES = ["BDG", "BEN", "BIR", "BRD", "BST", "CRF", "CHW", "EDH", "GLG", "GRE", "KWL", "LEW"]


def council(code: str):
    from coopnet.members.models import Organisation

    return Organisation.objects.filter(local_authority_id=code).first() or CouncilFactory(
        la_code=code
    )


def make_projects(n: int, org, scheme: Scheme, year: int = 2022) -> list[Project]:
    rnd, _ = Round.objects.get_or_create(year=year)
    principles = list(Principle.objects.filter(family="network")[:3])
    projects = []
    for i in range(n):
        partner = council(LA_CODES[i % len(LA_CODES)])
        p = Project.objects.create(
            slug=f"p-{year}-{scheme.kind}-{i}",
            round=rnd,
            scheme=scheme,
            title=f"Project {i}",
            lead=org,
        )
        p.principles.set(principles)
        p.partners.set([partner])
        p.participants.set([org, partner])
        projects.append(p)
    return projects


@pytest.mark.parametrize("n", [2, 12])
def test_projects_page_queries_do_not_grow(client, org_a, lab, n, django_assert_max_num_queries):
    make_projects(n, org_a, lab)
    with django_assert_max_num_queries(12):
        response = client.get("/funding/")
    assert response.status_code == 200
    assert f"{n} projects" in response.content.decode()


def test_projects_filters_are_shareable(client, org_a, org_b, lab, prototype):
    make_projects(2, org_a, lab)
    make_projects(1, org_b, prototype, year=2020)
    response = client.get("/funding/", {"scheme": "policy-prototype"})
    assert "1 project" in response.content.decode()
    response = client.get(
        "/funding/", {"member": org_a.slug, "year": "2022", "principle": "social-partnership"}
    )
    body = response.content.decode()
    assert "2 projects" in body
    assert "Project 0" in body
    response = client.get("/funding/", {"status": "closed"})
    assert "No projects match" in response.content.decode()


def test_projects_page_paginates(client, org_a, lab):
    make_projects(25, org_a, lab)
    body = client.get("/funding/", {"scheme": "policy-lab"}).content.decode()
    assert "scheme=policy-lab&amp;page=2" in body


@pytest.mark.parametrize("n", [1, 8])
def test_project_page_queries_do_not_grow(client, org_a, lab, n, django_assert_max_num_queries):
    project = make_projects(1, org_a, lab)[0]
    orgs = [council(c) for c in LA_CODES[1 : n + 1]]
    project.participants.set(orgs)
    with django_assert_max_num_queries(14):
        response = client.get(project.get_absolute_url())
    body = response.content.decode()
    assert "Not published" in body  # no amount known
    assert orgs[-1].name in body


def test_project_page_shows_amount_when_known(client, org_a, lab):
    project = make_projects(1, org_a, lab)[0]
    project.amount = Decimal("12500")
    project.save()
    assert "£12,500" in client.get(project.get_absolute_url()).content.decode()


def test_unpublished_projects_are_hidden_from_the_public(client, org_a, lab):
    project = make_projects(1, org_a, lab)[0]
    project.is_published = False
    project.save()
    assert client.get(project.get_absolute_url()).status_code == 404
    assert "0 projects" in client.get("/funding/").content.decode()


def test_kpis_page_shows_computed_and_published(client, org_a, lab):
    from coopnet.core.models import ReportedFigure

    make_projects(2, org_a, lab, year=timezone.localdate().year)
    ReportedFigure.objects.create(
        key="policy-labs", as_of=date(2022, 7, 31), value=8, source="Strategy"
    )
    body = client.get("/funding/kpis/").content.decode()
    assert "Computed" in body
    assert "Published" in body
    assert "Membership year 2021/22" in body


def test_kpis_percent_of_full_members(org_a, org_b, lab):
    from coopnet.funding.selectors import kpis

    year_end = date(timezone.localdate().year, 7, 31)
    associate = CouncilFactory(la_code="BDG")
    MembershipFactory(organisation=associate, category=category("associate"))
    project = make_projects(1, org_a, lab, year=year_end.year)[0]
    project.participants.set([org_a, associate])
    (kpi,) = kpis([year_end], timezone.localdate())
    lab_kpi = kpi.by_scheme["lab"]
    assert (lab_kpi.projects, lab_kpi.councils, lab_kpi.full_members_taking_part) == (1, 2, 1)
    assert kpi.full_members == 2
    assert lab_kpi.percent == 50


@pytest.fixture
def draft(open_round, lab, org_a, officer_a, principle):
    bid = services.bid_create(round=open_round, scheme=lab, lead=org_a, by=officer_a, title="Care")
    return complete_bid(bid, by=officer_a, principle=principle)


def test_over_cap_submission_shows_the_reason(client, draft, officer_a):
    services.bid_set_budget(bid=draft, by=officer_a, lines=[("All", Decimal("25000"))])
    client.force_login(officer_a)
    response = client.post(f"/funding/bids/{draft.pk}/submit/", follow=True)
    assert "may ask for at most £20,000; this bid asks for £25,000" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Bid.Status.DRAFT


def test_late_submission_shows_the_reason(client, draft, officer_a, open_round):
    Round.objects.filter(pk=open_round.pk).update(
        opens_on=timezone.localdate() - timedelta(days=30),
        closes_on=timezone.localdate() - timedelta(days=1),
    )
    client.force_login(officer_a)
    response = client.post(f"/funding/bids/{draft.pk}/submit/", follow=True)
    assert "Too late" in response.content.decode()


def test_submit_then_withdraw(client, draft, officer_a):
    client.force_login(officer_a)
    response = client.post(f"/funding/bids/{draft.pk}/submit/", follow=True)
    assert "Your bid has been submitted" in response.content.decode()
    response = client.post(f"/funding/bids/{draft.pk}/withdraw/", follow=True)
    assert "The bid has been withdrawn" in response.content.decode()


def test_bid_edit_saves_budget_lines_and_milestones(client, draft, officer_a):
    client.force_login(officer_a)
    data = {
        "title": "Care co-operatives",
        "summary": "s",
        "problem": "p",
        "approach": "a",
        "outputs": "o",
        "locality": "",
        "starts_on": "2030-01-01",
        "ends_on": "2030-09-01",
        "principles": [Principle.objects.get(slug="co-production").pk],
        "budget-TOTAL_FORMS": "2",
        "budget-INITIAL_FORMS": "0",
        "budget-0-description": "Staff",
        "budget-0-amount": "3000",
        "budget-1-description": "Venue",
        "budget-1-amount": "500.50",
        "milestones-TOTAL_FORMS": "1",
        "milestones-INITIAL_FORMS": "0",
        "milestones-0-title": "Launch",
        "milestones-0-due_on": "2030-08-01",
    }
    response = client.post(f"/funding/bids/{draft.pk}/edit/", data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.amount == Decimal("3500.50")
    assert draft.title == "Care co-operatives"
    assert list(draft.milestones.values_list("title", flat=True)) == ["Launch"]
    data["budget-1-description"] = ""
    response = client.post(f"/funding/bids/{draft.pk}/edit/", data)
    assert "Say what this amount is for." in response.content.decode()


def test_non_pdf_upload_is_refused_in_the_form(client, draft, officer_a):
    client.force_login(officer_a)
    upload = SimpleUploadedFile("plan.pdf", b"<html>not a pdf</html>")
    response = client.post(
        f"/funding/bids/{draft.pk}/documents/add/", {"title": "Plan", "file": upload}
    )
    assert response.status_code == 200
    assert "The file must be a PDF." in response.content.decode()


def test_approving_over_the_pot_is_refused_in_the_form(
    client, draft, officer_a, network_admin, joint_meeting, open_round, lab
):
    services.bid_submit(bid=draft, by=officer_a)
    open_round.pots.filter(scheme=lab).update(amount=Decimal("1000"))
    client.force_login(network_admin)
    response = client.post(
        f"/funding/bids/{draft.pk}/decide/", {"meeting": joint_meeting.pk, "outcome": "approve"}
    )
    assert "more than the £1,000 available" in response.content.decode()
    assert not Project.objects.exists()


@pytest.mark.parametrize("n", [1, 6])
def test_panel_queries_do_not_grow(
    client, n, open_round, lab, network_admin, principle, reviewer, django_assert_max_num_queries
):
    for i in range(n):
        org = CouncilFactory(la_code=LA_CODES[i])
        MembershipFactory(organisation=org, category=category("full"))
        bid = services.bid_create(
            round=open_round, scheme=lab, lead=org, by=SYSTEM, title=f"Bid {i}"
        )
        complete_bid(bid, by=SYSTEM, principle=principle)
        services.bid_submit(bid=bid, by=SYSTEM)
        a = services.reviewer_assign(bid=bid, reviewer=reviewer, by=SYSTEM)
        services.review_score(
            assignment=a,
            by=SYSTEM,
            scores={c.pk: (3, "") for c in open_round.criteria.all()},
            comment="",
        )
    client.force_login(network_admin)
    with django_assert_max_num_queries(16):
        response = client.get(f"/funding/rounds/{open_round.year}/panel/")
    body = response.content.decode()
    assert "6.0" in body  # two criteria, 3 each
    assert "£60,000" in body


@pytest.mark.parametrize("n", [1, 6])
def test_my_bids_queries_do_not_grow(
    client, n, open_round, lab, org_a, officer_a, django_assert_max_num_queries
):
    for i in range(n):
        services.bid_create(
            round=open_round, scheme=lab, lead=org_a, by=officer_a, title=f"Bid {i}"
        )
    client.force_login(officer_a)
    with django_assert_max_num_queries(14):
        response = client.get("/funding/bids/")
    assert f"Bid {n - 1}" in response.content.decode()


def test_bid_page_queries(client, draft, officer_a, django_assert_max_num_queries):
    client.force_login(officer_a)
    with django_assert_max_num_queries(30):
        response = client.get(draft.get_absolute_url())
    assert response.status_code == 200


def test_grant_agreement_is_a_real_pdf(client, draft, officer_a, network_admin, joint_meeting):
    services.bid_submit(bid=draft, by=officer_a)
    services.decision_record(bid=draft, meeting=joint_meeting, outcome="approve", by=network_admin)
    project = Project.objects.get()
    client.force_login(officer_a)
    response = client.get(f"/funding/projects/{project.slug}/agreement.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Grant agreement" in text
    assert "Care" in text
    assert "£8,000.00" in text


def test_welsh_pages(client, org_a, lab):
    make_projects(1, org_a, lab)
    client.cookies.load({"django_language": "cy"})
    body = client.get("/funding/", HTTP_ACCEPT_LANGUAGE="cy").content.decode()
    assert "Prosiectau a ariannwyd" in body


def test_a_decision_before_the_round_closed_shows_the_reason_in_the_form(
    client, draft, officer_a, network_admin, joint_meeting
):
    services.bid_submit(bid=draft, by=officer_a)
    joint_meeting.starts_at = timezone.now()
    joint_meeting.save()
    client.force_login(network_admin)
    response = client.post(
        f"/funding/bids/{draft.pk}/decide/", {"meeting": joint_meeting.pk, "outcome": "approve"}
    )
    assert "bids are decided at a meeting after the round has closed" in response.content.decode()
    assert not Project.objects.exists()


def test_a_round_page_shows_a_changed_pot_at_once_to_signed_in_people(
    client, officer_a, open_round, lab, prototype
):
    from django.urls import reverse

    from coopnet.funding.tests.factories import SYSTEM

    url = reverse("funding:round", args=[open_round.year])
    client.force_login(officer_a)
    assert "£60,000" in client.get(url).text
    services.round_save(
        year=open_round.year,
        theme="Co-operative care",
        opens_on=open_round.opens_on,
        closes_on=open_round.closes_on,
        pots={lab: Decimal("65000"), prototype: Decimal("15000")},
        criteria=[("Co-operative difference", "", 5), ("Learning for the network", "", 5)],
        by=SYSTEM,
    )
    page = client.get(url).text
    assert "£65,000" in page
    assert "£60,000" not in page
    assert "Start a bid" in page  # the officer's own button, outside the remembered part
