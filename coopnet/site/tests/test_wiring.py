"""The top floor wires the capabilities into the registry's hooks and panels."""

from __future__ import annotations

import pytest

from coopnet.core.hooks import MEMBERSHIP_APPROVED, hooks_for
from coopnet.core.panels import registered_panels

pytestmark = pytest.mark.django_db


def test_finance_raises_the_first_invoice_when_an_application_is_approved():
    assert "finance.first_invoice" in dict(hooks_for(MEMBERSHIP_APPROVED))


def test_an_organisation_page_shows_its_case_studies_from_knowledge(client, org_a):
    assert "knowledge.case_studies" in [p.name for p in registered_panels("organisation")]
    page = client.get(org_a.get_absolute_url()).text
    assert "Case studies" in page
    assert "No case studies published yet." in page
