"""An officer names the councils that took part in a case study by typing part of their names,
and takes one off again with its "Remove" button; without JavaScript they tick checkboxes. Both
in Chromium, with axe-core on every page."""

from __future__ import annotations

import re

import pytest

from conftest import PASSWORD
from coopnet.knowledge.models import CaseStudy
from coopnet.knowledge.tests.factories import CaseStudyFactory
from coopnet.members.tests.factories import OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROCHDALE = "Rochdale Borough Council"


@pytest.fixture
def draft(org_a):
    for name in (ROCHDALE, "Rotherham Metropolitan Borough Council", "Salford City Council"):
        OrganisationFactory(name=name)
    return CaseStudyFactory(
        lead_organisation=org_a, state=CaseStudy.State.DRAFT, title="Tenants repair their homes"
    )


def participants_shown(page) -> str:
    row = page.locator(".govuk-summary-list__row").filter(
        has=page.locator("dt", has_text=re.compile(r"^\s*With\s*$"))
    )
    return row.locator("dd").inner_text().strip()


def chosen_names(chosen) -> list[str]:
    return [
        item.locator(".coopnet-picker__name").inner_text()
        for item in chosen.get_by_role("listitem").all()
    ]


def focused_id(page) -> str:
    return page.evaluate("document.activeElement.id")


def test_officer_adds_two_councils_by_typing_and_removes_one(browser_page, officer_a, draft, org_b):
    bp = browser_page.sign_in(officer_a.email, PASSWORD)
    bp.visit(f"{draft.get_absolute_url()}edit/")
    page = bp.page
    search = page.get_by_label("Add a participating member")
    status = page.locator(".coopnet-picker__status")
    menu = page.locator("#id_participants__listbox")
    assert page.get_by_text("None chosen yet.").is_visible()
    assert not page.get_by_label(ROCHDALE).is_visible()  # the checkboxes are behind the search

    search.fill("kirk")
    menu.get_by_role("option", name=org_b.name).click()
    assert status.inner_text() == f"{org_b.name} added."
    assert search.input_value() == ""
    assert focused_id(page) == "id_participants"

    search.press_sequentially("roch")  # by keyboard this time
    menu.get_by_role("option", name=ROCHDALE).wait_for()
    search.press("ArrowDown")
    page.keyboard.press("Enter")
    assert status.inner_text() == f"{ROCHDALE} added."
    assert focused_id(page) == "id_participants"
    chosen = page.get_by_role("list", name="Chosen")
    assert chosen_names(chosen) == [org_b.name, ROCHDALE]
    # Each "Remove" button says which one it removes.
    assert chosen.get_by_role("button", name=f"Remove {org_b.name}").is_visible()
    assert chosen.get_by_role("button", name=f"Remove {ROCHDALE}").is_visible()
    # One already chosen is not offered again.
    search.fill("roch")
    assert menu.get_by_role("option").all_inner_texts() == [
        "Nothing found by that name, or it is already chosen"
    ]
    search.fill("")
    bp.check()  # the picker passes axe too, with the menu closed

    page.get_by_role("button", name=f"Remove {org_b.name}").click()
    assert status.inner_text() == f"{org_b.name} removed."
    # Focus moves to the next one's button, not to the top of the page.
    assert page.evaluate("document.activeElement.textContent") == f"Remove {ROCHDALE}"
    assert chosen_names(chosen) == [ROCHDALE]

    bp.submit("Save")
    banner = page.locator(".govuk-notification-banner").inner_text()
    assert "The case study has been saved" in banner
    assert participants_shown(page) == ROCHDALE
    assert [org.name for org in draft.participants.all()] == [ROCHDALE]


def test_without_javascript_the_officer_ticks_the_councils(browser_page, officer_a, draft, org_b):
    """The autocomplete script never arrives (as for a person without JavaScript). Playwright
    cannot run axe-core with JavaScript off, so the script is refused instead."""
    bp = browser_page.sign_in(officer_a.email, PASSWORD)
    bp.page.route("**/accessible-autocomplete.min.js", lambda route: route.abort())
    bp.visit(f"{draft.get_absolute_url()}edit/")
    page = bp.page
    assert page.get_by_label("Add a participating member").count() == 0
    group = page.get_by_role("group", name="Participating members (optional)")
    group.get_by_label(org_b.name).check()
    group.get_by_label(ROCHDALE).check()
    bp.submit("Save")
    banner = page.locator(".govuk-notification-banner").inner_text()
    assert "The case study has been saved" in banner
    assert participants_shown(page).splitlines() == [org_b.name, ROCHDALE]

    bp.visit(f"{draft.get_absolute_url()}edit/")
    group.get_by_label(org_b.name).uncheck()
    bp.submit("Save")
    assert participants_shown(page) == ROCHDALE
