"""The network admin answers a subject-access request and an erasure request in Chromium, with
axe-core on every page."""

from __future__ import annotations

import pytest

from conftest import PASSWORD
from coopnet.members.models import Person, SubjectAccessExport
from coopnet.members.tests.factories import PersonFactory, RoleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_exports_then_erases_a_person(browser_page, network_admin, org_a):
    person = PersonFactory(full_name="Rhiannon Tapscott", email="rhiannon@example.org")
    RoleFactory(person=person, organisation=org_a)
    bp = browser_page.sign_in(network_admin.email, PASSWORD)
    bp.follow("Personal data requests")
    bp.page.get_by_label("Name or email address").fill("rhiannon@")
    bp.submit("Find")
    bp.follow("Rhiannon Tapscott")
    bp.submit("Prepare the export")
    assert bp.page.locator(".govuk-error-summary").is_visible()  # the request must be described
    bp.page.get_by_label("The request").fill("Emailed on 3 March")
    bp.submit("Prepare the export")
    bp.page.get_by_text("The export is ready").wait_for()
    with bp.page.expect_download() as download:
        bp.page.get_by_role("button", name="Download the export (ZIP)").click()
    assert download.value.suggested_filename.endswith(".zip")
    assert SubjectAccessExport.objects.get().state == "downloaded"
    bp.visit(f"/members/people/{person.slug}/personal-data/")
    bp.follow("Erase this person")
    bp.page.get_by_label("Type the person's full name to confirm").fill("Rhiannon Tapscott")
    bp.page.get_by_label("Why").fill("Asked to be forgotten")
    bp.submit("Erase the person")
    assert "were erased" in bp.page.locator(".govuk-notification-banner").inner_text()
    assert Person.objects.get(pk=person.pk).erased_at is not None
    bp.visit("/members/personal-data/retention/")
