"""The accessibility statement has the parts the regulations require, in English and Welsh."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_statement_has_every_required_part(client, settings):
    settings.NETWORK_CONTACT_EMAIL = "access@network.example"
    html = client.get("/accessibility/").content.decode()
    for part in (
        "Accessibility statement",
        "How accessible this service is",
        "Feedback and contact information",
        "Reporting accessibility problems with this service",
        "Enforcement procedure",
        "Equality Advisory and Support Service",
        "Compliance status",
        "partially compliant",
        "Non-compliance with the accessibility regulations",
        "This fails WCAG 2.2 success criteria 1.1.1, 1.3.1, 2.4.2, 4.1.2.",
        "not within the scope of the accessibility regulations",
        "Preparation of this accessibility statement",
        "This statement was prepared on 4 December 2026.",
        "This service was last tested on 4 December 2026.",
        "within 5 working days",
    ):
        assert part in html, part
    assert 'href="mailto:access@network.example"' in html


def test_the_statement_is_in_welsh():
    client = Client()
    client.cookies["django_language"] = "cy"
    html = client.get("/accessibility/").content.decode()
    assert 'lang="cy"' in html
    assert "Datganiad hygyrchedd" in html
    assert "Gweithdrefn orfodi" in html
    assert "Statws cydymffurfio" in html
    assert "Enforcement procedure" not in html
