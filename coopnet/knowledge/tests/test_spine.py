"""The shared rules as the knowledge hub meets them: who manages an organisation on a date,
refusals that answer 403 (never a form error), the audit trail, the public page version and the
import between services and tasks."""

from __future__ import annotations

import ast
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from coopnet.accounts.roles import UserRole
from coopnet.core.audit import audit_trail_for
from coopnet.core.guard import Refused
from coopnet.core.versioning import public_version
from coopnet.knowledge import selectors, services
from coopnet.knowledge.models import CaseStudy
from coopnet.knowledge.services.case_studies import CaseStudyDetails
from coopnet.knowledge.tests.factories import CaseStudyFactory, NewsPostFactory, principle
from coopnet.knowledge.views import case_studies as case_study_views
from coopnet.members.models import RoleKind
from coopnet.members.tests.factories import PersonFactory, RoleFactory, UserFactory

pytestmark = pytest.mark.django_db
KNOWLEDGE = Path(__file__).resolve().parent.parent


def _officer(org_a, org_b, when: str):
    """Manages org B today; their role at org A starts tomorrow or ended yesterday."""
    today = timezone.localdate()
    user = UserFactory(roles=[UserRole.MEMBER_OFFICER])
    person = PersonFactory(user=user, full_name=user.full_name)
    RoleFactory(person=person, organisation=org_b, kind=RoleKind.OFFICER, manages_profile=True)
    if when == "starts tomorrow":
        period = {"start": today + timedelta(days=1), "end": None}
    else:
        period = {"start": date(2020, 1, 1), "end": today - timedelta(days=1)}
    RoleFactory(
        person=person,
        organisation=org_a,
        kind=RoleKind.OFFICER_LEAD,
        manages_profile=True,
        **period,
    )
    return user


def _form(org) -> dict:
    return {
        "title": "Kirklees food hub",
        "summary": "A community food hub.",
        "body": "<p>Volunteers run it.</p>",
        "lead_organisation": org.pk,
        "year": "2023",
        "status": "ongoing",
        "principles": [principle().pk],
    }


@pytest.mark.parametrize("when", ["starts tomorrow", "ended yesterday"])
def test_an_officer_out_of_their_role_cannot_write_for_the_organisation(client, org_a, org_b, when):
    user = _officer(org_a, org_b, when)
    draft = CaseStudyFactory(lead_organisation=org_a, state=CaseStudy.State.DRAFT, title="Ours")
    client.force_login(user)
    page = client.get(reverse("knowledge:case_study_new"))
    assert list(page.context["form"].fields["lead_organisation"].queryset) == [org_b]
    response = client.post(reverse("knowledge:case_study_new"), _form(org_a))
    assert response.status_code == 200  # the choice is not offered: the form says so
    assert "lead_organisation" in response.context["form"].errors
    assert not CaseStudy.objects.filter(title="Kirklees food hub").exists()
    with pytest.raises(Refused):
        services.case_study_create(
            by=user, details=CaseStudyDetails(title="T", summary="S", lead_organisation=org_a)
        )
    assert client.get(reverse("knowledge:case_study_edit", args=[draft.slug])).status_code == 403
    assert client.get(draft.get_absolute_url()).status_code == 403
    assert "Ours" not in client.get(reverse("knowledge:my_case_studies")).content.decode()
    assert list(selectors.my_case_studies(user)) == []


def test_someone_whose_only_role_starts_tomorrow_is_refused_the_writing_pages(client, org_a):
    user = UserFactory(roles=[UserRole.MEMBER_OFFICER])
    RoleFactory(
        person=PersonFactory(user=user),
        organisation=org_a,
        manages_profile=True,
        start=timezone.localdate() + timedelta(days=1),
    )
    client.force_login(user)
    assert client.get(reverse("knowledge:case_study_new")).status_code == 403
    assert client.get(reverse("knowledge:my_case_studies")).status_code == 403


def test_a_refusal_by_the_service_answers_403_not_a_form_error(
    client, officer_b, org_a, monkeypatch
):
    """As if the page's check had let an officer of another council by (their role changed
    between the page and the write): the service refuses, and the person gets a 403 page, not
    the refusal shown as a form error."""
    draft = CaseStudyFactory(lead_organisation=org_a, state=CaseStudy.State.DRAFT, title="Ours")
    monkeypatch.setattr(case_study_views, "require", lambda *args, **kwargs: None)
    client.force_login(officer_b)
    response = client.post(reverse("knowledge:case_study_edit", args=[draft.slug]), _form(org_a))
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.title == "Ours"


def test_news_from_someone_not_staff_is_refused_with_refused(officer_a):
    post = NewsPostFactory.build()
    with pytest.raises(Refused):
        services.news_post_save(post=post, by=officer_a)


def test_moderation_is_recorded_for_the_author_and_in_the_audit_trail(
    officer_a, network_admin, org_a
):
    draft = services.case_study_create(
        by=officer_a,
        details=CaseStudyDetails.of({**_form(org_a), "lead_organisation": org_a, "year": 2023}),
    )
    services.case_study_submit(case_study=draft, by=officer_a)
    services.case_study_publish(case_study=draft, by=network_admin, comment="Lovely")
    assert [d.step for d in selectors.decisions(draft)] == ["published", "submitted"]
    trail = list(audit_trail_for(org_a))
    assert [e.action for e in trail] == [
        "case_study.published",
        "case_study.submitted",
        "case_study.created",
    ]
    assert trail[0].user == network_admin
    assert trail[0].reason == "Lovely"
    assert draft.history.first().history_user == network_admin


def test_a_bulk_update_changes_the_councils_cached_page(client, org_a):
    case_study = CaseStudyFactory(lead_organisation=org_a, title="Before the change")
    assert "Before the change" in client.get(org_a.get_absolute_url()).content.decode()
    before = public_version()
    CaseStudy.objects.filter(pk=case_study.pk).update(title="After the change")
    assert public_version() > before
    page = client.get(org_a.get_absolute_url()).content.decode()
    assert "After the change" in page


def test_tasks_and_the_pack_builder_do_not_import_the_services():
    for name in ("tasks.py", "pack_building.py"):
        tree = ast.parse((KNOWLEDGE / name).read_text())
        imported = [
            node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
        ]
        assert not [m for m in imported if m == "services" or m.startswith("services.")], name
        assert not any("knowledge.services" in m for m in imported), name
