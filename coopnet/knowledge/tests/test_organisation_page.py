"""A council's published case studies show on its public page, which visitors may have cached."""

from __future__ import annotations

import pytest

from coopnet.knowledge.models import CaseStudy
from coopnet.knowledge.services.case_studies import case_study_publish

from .factories import CaseStudyFactory

pytestmark = pytest.mark.django_db


def test_a_case_study_appears_on_its_councils_page_once_published(client, org_a, network_admin):
    submitted = CaseStudyFactory(
        lead_organisation=org_a,
        title="Oldham's community energy",
        state=CaseStudy.State.SUBMITTED,
        published_at=None,
    )
    page = client.get(org_a.get_absolute_url()).content.decode()  # remembered for visitors
    assert "Oldham&#x27;s community energy" not in page

    case_study_publish(case_study=submitted, by=network_admin)

    page = client.get(org_a.get_absolute_url()).content.decode()
    assert "Oldham&#x27;s community energy" in page
    assert submitted.get_absolute_url() in page


def test_another_councils_case_study_is_not_shown(client, org_a, org_b):
    CaseStudyFactory(lead_organisation=org_b, title="Kirklees food partnership")
    page = client.get(org_a.get_absolute_url()).content.decode()
    assert "Kirklees food partnership" not in page
    assert "Kirklees food partnership" in client.get(org_b.get_absolute_url()).content.decode()
