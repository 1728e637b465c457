"""Done means: a council officer uploads a case study, staff publish it, and anyone finds it by a
word in its story and by its principle facet; in Chromium, with axe-core on every page."""

from __future__ import annotations

import pytest

from conftest import PASSWORD
from coopnet.knowledge.tests.factories import CaseStudyFactory, PublicationFactory, png_upload

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_uploads_staff_publish_and_the_public_find_it(
    browser_page, officer_a, network_admin, org_a
):
    bp = browser_page.sign_in(officer_a.email, PASSWORD)
    bp.visit("/knowledge/case-studies/")
    bp.follow("Write a case study")
    page = bp.page
    page.get_by_label("Title", exact=True).fill("Tenants repair their own homes")
    page.get_by_label("Summary", exact=True).fill("A repairs co-operative run by tenants.")
    # The story is typed into the editor as a person would; the refusal of an image without alt
    # text, typed as HTML without the editor, is in test_editor_browser.
    page.get_by_role("textbox", name="The story").fill(
        "The quernstone workshop trains tenant apprentices."
    )
    page.get_by_label("Year").select_option("2023")
    page.get_by_label("Learning", exact=True).check()
    page.get_by_label("Housing", exact=True).check()
    bp.submit("Save")
    assert "Your draft has been saved" in page.locator(".govuk-notification-banner").inner_text()

    upload = png_upload()
    page.get_by_label("Image", exact=True).set_input_files(
        files=[{"name": "workshop.png", "mimeType": "image/png", "buffer": upload.read()}]
    )
    page.get_by_label("Alt text").fill("Apprentices fitting a kitchen")
    bp.submit("Add the image")
    assert page.get_by_role("img", name="Apprentices fitting a kitchen").is_visible()
    bp.follow("Continue to submit")
    bp.submit("Submit for review")
    assert "Submitted" in page.locator(".govuk-notification-banner").inner_text()

    page.context.clear_cookies()
    bp.sign_in(network_admin.email, PASSWORD)
    bp.visit("/knowledge/case-studies/review/")
    bp.follow("Review Tenants repair their own homes")
    page.get_by_label("Publish it").check()
    bp.submit("Record the decision")
    assert "is published" in page.locator(".govuk-notification-banner").inner_text()

    page.context.clear_cookies()
    bp.visit("/search/?q=quernstone")
    assert page.get_by_role("status").inner_text() == "1 result for “quernstone”"
    page.get_by_label("Learning (1)").check()
    bp.submit("Apply filters")
    assert "principle=learning" in page.url
    assert page.get_by_role("status").inner_text() == "1 result for “quernstone”"
    bp.follow("Tenants repair their own homes")
    assert page.get_by_role("heading", level=1).inner_text() == "Tenants repair their own homes"
    assert page.get_by_role("img", name="Apprentices fitting a kitchen").is_visible()


def test_visitor_browses_the_library_in_english_and_welsh(browser_page, org_a, org_b):
    CaseStudyFactory(lead_organisation=org_a, title="Community energy in Oldham")
    CaseStudyFactory(lead_organisation=org_b, title="Kirklees food hub")
    PublicationFactory(title="Cooperative Difference in Care", external_url="https://bit.ly/x")
    bp = browser_page.visit("/knowledge/case-studies/")
    bp.page.get_by_label("Principle", exact=True).select_option("co-production")
    bp.submit("Apply filters")
    assert "principle=co-production" in bp.page.url
    bp.follow("Community energy in Oldham")
    assert "Related case studies" in bp.page.content()
    bp.visit("/knowledge/being-a-co-operative-council/")
    bp.visit("/knowledge/publications/")
    bp.follow("Cooperative Difference in Care")
    bp.visit("/knowledge/news/")
    bp.submit("Cymraeg – change language")
    assert bp.page.locator("html").get_attribute("lang") == "cy"
    bp.visit("/knowledge/case-studies/")
    bp.visit("/knowledge/being-a-co-operative-council/")


def test_staff_build_a_pack_and_download_it(browser_page, network_admin, org_a):
    CaseStudyFactory(lead_organisation=org_a, title="Community energy in Oldham")
    bp = browser_page.sign_in(network_admin.email, PASSWORD)
    bp.visit("/knowledge/packs/")
    bp.follow("Make a pack")
    bp.page.get_by_label("Title of the pack").fill("Case Studies Pack 2024")
    bp.page.get_by_label("Community energy in Oldham").check()
    bp.submit("Build the pack")
    assert bp.page.get_by_role("heading", name="The pack is ready").is_visible()
    with bp.page.expect_download() as download:
        bp.page.get_by_role("link", name="Download the PDF").click()
    assert download.value.suggested_filename == "case-studies-pack-2024.pdf"
    bp.submit("Publish the pack")
    assert bp.page.get_by_role("heading", level=1).inner_text() == "Case Studies Pack 2024"
