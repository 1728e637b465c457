"""Reads other apps may build on: inductions completed in a period (for the Review of the Year)."""

from __future__ import annotations

from datetime import date

import pytest

from coopnet.learning import selectors, services

pytestmark = pytest.mark.django_db


def test_an_induction_counts_when_its_last_step_is_done_in_the_period(network_admin, org_a, org_b):
    done = services.induction_start(organisation=org_a, by=network_admin, on=date(2021, 9, 1))
    for item in done.items.all():
        services.induction_item_done(item=item, by=network_admin, on=date(2022, 3, 1))
    half = services.induction_start(organisation=org_b, by=network_admin, on=date(2021, 9, 1))
    services.induction_item_done(item=half.items.first(), by=network_admin, on=date(2022, 3, 1))
    year = selectors.inductions_completed(date(2021, 8, 1), date(2022, 7, 31))
    assert [(c.induction.organisation, c.completed_on) for c in year] == [(org_a, date(2022, 3, 1))]
    assert selectors.inductions_completed(date(2022, 8, 1), date(2023, 7, 31)) == []
