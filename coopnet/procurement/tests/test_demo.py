"""The demo DPS: its period, eligible buyers, the 20 suppliers of 31 July 2022, the 18 at launch."""

from __future__ import annotations

from datetime import date

import pytest

from coopnet.core.models import ReportedFigure
from coopnet.demo.loader import load_demo
from coopnet.members.models import Organisation, OrganisationKind
from coopnet.procurement import selectors
from coopnet.procurement.demo import SUPPLIERS_2022
from coopnet.procurement.models import Admission, Arrangement

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path):
    settings.BASE_DIR = tmp_path  # the demo password file goes here
    return load_demo()


def test_the_dps_and_its_twenty_suppliers_of_31_july_2022(demo):
    dps = Arrangement.objects.get(slug="dps-2020-2025")
    assert (dps.start, dps.end) == (date(2020, 4, 1), date(2025, 3, 31))
    assert dps.regime == "pcr2015_dps"
    assert dps.eligible_buyer_categories == ["full", "associate"]
    assert dps.network_may_buy
    names = {row["organisation"].name for row in selectors.suppliers_on(dps, date(2022, 7, 31))}
    assert len(names) == 20 == len(SUPPLIERS_2022)
    assert {"Made Open", "Peopletoo", "Unlimited Potential"} <= names
    suppliers = Organisation.objects.filter(kind=OrganisationKind.SUPPLIER)
    assert suppliers.count() == 7  # the other 13 are Affiliate members
    # No date is invented: every admission is "by 31 July 2022", marked approximate.
    assert set(Admission.objects.values_list("start", "start_is_approximate")) == {
        (date(2022, 7, 31), True)
    }
    assert selectors.suppliers_on(dps, date(2022, 7, 30)) == []


def test_the_eighteen_at_launch_is_a_reported_figure(demo):
    figure = ReportedFigure.objects.get(key="dps-suppliers", as_of=date(2020, 4, 1))
    assert figure.value == 18


def test_loading_twice_changes_nothing(demo):
    again = load_demo()
    assert not any(k.startswith("procurement") for k in again.created)
    assert not any(k.startswith("procurement") for k in again.updated)
