"""Choosing the participating members of a case study: GOV.UK checkboxes without JavaScript (the
type-to-search picker over them is tested in Chromium, test_browser_participants.py), never a
`<select multiple>` that asks for Ctrl-click."""

from __future__ import annotations

import html
import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coopnet.knowledge.models import CaseStudy
from coopnet.knowledge.tests.factories import CaseStudyFactory
from coopnet.members.tests.factories import OrganisationFactory

from .test_views import form_data, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(org_a):
    return CaseStudyFactory(
        lead_organisation=org_a, state=CaseStudy.State.DRAFT, title="Kirklees food hub"
    )


def edit_url(case_study: CaseStudy) -> str:
    return f"{case_study.get_absolute_url()}edit/"


def test_the_members_are_ticked_in_checkboxes_not_ctrl_clicked(client, officer_a, draft, org_b):
    draft.participants.add(org_b)
    OrganisationFactory(name="Rochdale Borough Council")
    client.force_login(officer_a)
    response = client.get(edit_url(draft))
    page = response.content.decode()
    assert "<select multiple" not in page
    assert "Ctrl" not in page
    boxes = re.findall(r'<input type="checkbox" name="participants"[^>]*>', page)
    assert len(boxes) >= 3  # every organisation in the registry, lead member included
    ticked = [box for box in boxes if " checked" in box]
    assert ticked == [box for box in boxes if f'value="{org_b.pk}"' in box]
    # The first box has the field's id: the error summary links to it.
    assert 'id="id_participants"' in boxes[0]
    assert "<legend" in page
    assert "Participating members (optional)" in text_of(response)


def test_posting_several_participants_saves_them_all(client, officer_a, draft, org_a, org_b):
    rochdale = OrganisationFactory(name="Rochdale Borough Council")
    OrganisationFactory(name="Not taking part")
    client.force_login(officer_a)
    response = client.post(edit_url(draft), form_data(org_a, participants=[org_b.pk, rochdale.pk]))
    assert response.status_code == 302
    assert set(draft.participants.all()) == {org_b, rochdale}
    shown = text_of(client.get(draft.get_absolute_url()))
    assert f"With {org_b.name} Rochdale Borough Council" in shown
    assert "Not taking part" not in shown


@pytest.mark.parametrize("unknown", ["999999", "not-a-number"])
def test_an_unknown_participant_is_an_error_in_the_summary(
    client, officer_a, draft, org_a, org_b, unknown
):
    client.force_login(officer_a)
    response = client.post(edit_url(draft), form_data(org_a, participants=[org_b.pk, unknown]))
    assert response.status_code == 200
    page = response.content.decode()
    summary = re.search(r'<div class="govuk-error-summary".*?</ul>', page, re.S)
    assert summary is not None
    assert (
        '<a href="#id_participants">One of the participating members is not an organisation in '
        "the registry: choose them again from the list.</a>"
    ) in re.sub(r"\s+", " ", summary.group())
    assert 'id="id_participants-error"' in page
    assert not draft.participants.exists()
    # What was chosen is still ticked, ready to correct.
    assert re.search(rf'<input type="checkbox"[^>]*value="{org_b.pk}"[^>]*checked', page)


def test_more_organisations_cost_no_more_queries(client, officer_a, draft, org_b):
    """Every organisation is a box on the page: one query for all of them, however many."""
    draft.participants.add(org_b)
    client.force_login(officer_a)

    def queries() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(edit_url(draft))
        assert response.status_code == 200
        boxes = re.findall(r'<input type="checkbox" name="participants"', response.content.decode())
        return len(captured), len(boxes)

    client.get(edit_url(draft))  # caches warmed
    before, boxes_before = queries()
    OrganisationFactory.create_batch(40)
    after, boxes_after = queries()
    assert boxes_after == boxes_before + 40
    assert after == before


def test_the_picker_speaks_welsh(client, officer_a, draft):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    client.force_login(officer_a)
    page = html.unescape(client.get(edit_url(draft)).content.decode())
    for welsh in (
        "Aelodau sy'n cymryd rhan",
        'data-search-label="Ychwanegu aelod sy\'n cymryd rhan"',
        'data-chosen-heading="Wedi\'u dewis"',
        'data-none-chosen="Dim un wedi\'i ddewis eto."',
        'data-remove="Tynnu {name}"',
        'data-added="Ychwanegwyd {name}."',
        'data-removed="Tynnwyd {name}."',
        "Dim byd wedi'i ganfod gyda'r enw hwnnw",
    ):
        assert welsh in page
