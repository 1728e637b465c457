"""Appointing to a seat: the person and the organisation are found by typing their names
(accessible-autocomplete); nobody is asked for a slug."""

from __future__ import annotations

import pytest

from conftest import PASSWORD
from coopnet.governance.models import Appointment, Constituency
from coopnet.members.tests.factories import PersonFactory

from .conftest import seat

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_appoint_by_typing_names(browser_page, network_admin, eoc, org_a):
    person = PersonFactory(full_name="Aneurin Bevan")
    PersonFactory(full_name="Barbara Castle")
    bp = browser_page.sign_in(network_admin.email, PASSWORD)
    bp.visit("/governance/eoc/appoint/")
    assert "address in the registry" not in bp.page.content()
    bp.page.get_by_label("Seat").select_option(str(seat(eoc, constituency=Constituency.FULL).pk))
    bp.page.get_by_label("Person", exact=True).fill("Aneu")
    bp.page.get_by_role("option", name="Aneurin Bevan").click()
    bp.page.get_by_label("Organisation they represent").fill(org_a.name[:6])
    bp.page.get_by_role("option", name=org_a.name).click()
    bp.page.get_by_label("How").select_option("elected")
    bp.page.get_by_label("Start").fill("2021-01-01")
    bp.check()  # the enhanced fields pass axe too
    bp.submit("Appoint")
    assert Appointment.objects.get(person=person).organisation == org_a
