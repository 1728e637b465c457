"""The search page in Chromium, with axe-core on every page, in English and Welsh."""

from __future__ import annotations

from datetime import date

import pytest

from coopnet.members.tests.factories import MembershipFactory, OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_searches_from_the_header_and_narrows_by_facets(browser_page, library, org_a):
    # A member organisation saved through the ORM reaches the index by itself (after commit).
    organisation = OrganisationFactory(
        name="Valley Energy Co-operative", description="Community energy for the valley."
    )
    MembershipFactory(organisation=organisation, start=date(2018, 8, 1))

    bp = browser_page.visit("/")
    bp.page.get_by_label("Search the site").fill("community energy")
    bp.submit("Search")
    assert "q=community+energy" in bp.page.url  # shareable
    status = bp.page.get_by_role("status").inner_text()
    assert status == "3 results for “community energy”"
    assert bp.page.locator("mark").count() >= 2
    titles = bp.page.locator("ol.coopnet-search-results h3").all_inner_texts()
    assert "Valley Energy Co-operative" in titles

    bp.page.get_by_label("Co-production (2)").check()
    bp.submit("Apply filters")
    assert "principle=co-production" in bp.page.url
    assert bp.page.get_by_role("status").inner_text() == "2 results for “community energy”"

    bp.page.get_by_label("2022 (1)").check()
    bp.submit("Apply filters")
    assert bp.page.get_by_role("status").inner_text() == "1 result for “community energy”"
    assert bp.page.locator("ol.coopnet-search-results h3").all_inner_texts() == [
        "Co-operative approaches to reaching net zero"
    ]

    bp.follow("Remove filter Year: 2022")
    assert "year=" not in bp.page.url
    assert bp.page.get_by_role("status").inner_text() == "2 results for “community energy”"


def test_no_results_and_welsh(browser_page, library):
    bp = browser_page.visit("/search/?q=zebra+crossing&type=news")
    assert bp.page.get_by_role("heading", name="There are no matching results").is_visible()
    bp.follow("remove the filters")
    assert "type=" not in bp.page.url
    bp.submit("Cymraeg – change language")
    assert bp.page.locator("html").get_attribute("lang") == "cy"
    assert "Does dim canlyniadau sy'n cyfateb" in bp.page.content()
