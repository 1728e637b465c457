"""The back office's exports: the filtered changelist, and selected memberships."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from coopnet.members.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_export_button_downloads_the_filtered_changelist_as_csv(client, network_admin, org_a):
    OrganisationFactory(slug="coop", name="Co-op Party")
    client.force_login(network_admin)
    url = reverse("admin:members_organisation_export") + "?kind__exact=principal_council"
    response = client.get(url)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["slug", "name", "kind", "la_code"]
    assert [r[0] for r in rows[1:]] == ["old"]


def test_export_action_downloads_the_selected_memberships(client, network_admin, org_a, org_b):
    client.force_login(network_admin)
    chosen = org_b.memberships.get()
    response = client.post(
        reverse("admin:members_membership_changelist"),
        {"action": "export_csv", "_selected_action": [chosen.pk]},
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][:4] == [org_b.slug, "", "full", "2020-08-01"]
    assert len(rows) == 2
