"""The story's rich-text editor in Chromium, with axe-core and the Content-Security-Policy checked
on every page: a person formats a story with the toolbar and the keyboard and the page shows that
markup; without the editor's script the same field is a textarea that takes the allowed HTML."""

from __future__ import annotations

import pytest

from conftest import PASSWORD
from coopnet.knowledge.models import CaseStudy
from coopnet.knowledge.tests.factories import CaseStudyFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _start_a_case_study(bp, title):
    bp.visit("/knowledge/case-studies/")
    bp.follow("Write a case study")
    page = bp.page
    page.get_by_label("Title", exact=True).fill(title)
    page.get_by_label("Summary", exact=True).fill("A repairs co-operative run by tenants.")
    page.get_by_label("Year").select_option("2023")
    return page


def test_officer_formats_a_story_with_the_toolbar_and_keyboard(browser_page, officer_a, org_a):
    bp = browser_page.sign_in(officer_a.email, PASSWORD)
    page = _start_a_case_study(bp, "Tenants repair their own homes")
    story = page.get_by_role("textbox", name="The story")
    hint = page.locator("#id_body-hint")
    assert "buttons above the box" in hint.inner_text()
    assert "HTML" not in hint.inner_text()
    toolbar = page.get_by_role("toolbar", name="Formatting")

    story.click()
    toolbar.get_by_role("button", name="Heading", exact=True).click()
    page.keyboard.type("What happened")
    page.keyboard.press("Enter")
    page.keyboard.type("Tenants ")
    page.keyboard.press("Control+b")
    page.keyboard.type("trained apprentices")
    page.keyboard.press("Control+b")
    page.keyboard.type(" in the quernstone workshop.")
    page.keyboard.press("Enter")
    toolbar.get_by_role("button", name="Bulleted list").click()
    page.keyboard.type("Kitchens")
    page.keyboard.press("Enter")
    page.keyboard.type("Roofs")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.keyboard.type("Read the council report")
    page.keyboard.press("Shift+Home")
    toolbar.get_by_role("button", name="Add a link").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Web address").fill("https://example.org/report")
    dialog.get_by_role("button", name="Save the link").click()
    bp.check()
    bp.submit("Save")
    assert "Your draft has been saved" in page.locator(".govuk-notification-banner").inner_text()

    body = CaseStudy.objects.get().body_html
    assert '<h2 class="govuk-heading-m">What happened</h2>' in body
    assert "<strong>trained apprentices</strong>" in body
    bp.visit(f"/knowledge/case-studies/{CaseStudy.objects.get().slug}/")
    story_on_page = page.locator(".knowledge-story")
    assert story_on_page.get_by_role("heading", level=2).inner_text() == "What happened"
    assert story_on_page.locator("strong").inner_text() == "trained apprentices"
    assert story_on_page.get_by_role("listitem").all_inner_texts() == ["Kitchens", "Roofs"]
    link = story_on_page.get_by_role("link", name="Read the council report")
    assert link.get_attribute("href") == "https://example.org/report"


def test_editing_an_old_story_keeps_its_image(browser_page, officer_a, org_a):
    """The toolbar offers no image, but the editor keeps one a story already has."""
    image = '<img src="/static/images/favicon.svg" alt="The network\'s logo">'
    case_study = CaseStudyFactory(
        lead_organisation=org_a,
        state=CaseStudy.State.DRAFT,
        published_at=None,
        body_html=f'<p class="govuk-body">Before.</p>{image}<p class="govuk-body">After.</p>',
    )
    bp = browser_page.sign_in(officer_a.email, PASSWORD)
    bp.visit(f"/knowledge/case-studies/{case_study.slug}/edit/")
    story = bp.page.get_by_role("textbox", name="The story")
    assert story.get_by_role("img", name="The network's logo").is_visible()
    bp.put_caret_after(story.get_by_text("After."))
    bp.page.keyboard.type(" And later.")
    bp.submit("Save")
    case_study.refresh_from_db()
    assert image in case_study.body_html
    assert "After. And later." in case_study.body_html


def test_without_the_editor_the_story_is_a_textarea_of_html(browser_page, officer_a, org_a):
    """The editor's script never arrives (as for a person without JavaScript): the plain textarea
    and its hint about HTML remain, and the server sanitises what is typed. (Playwright cannot
    run axe-core with JavaScript off, so the script is refused instead.)"""
    bp = browser_page.sign_in(officer_a.email, PASSWORD)
    bp.page.route("**/core/richtext.mjs", lambda route: route.abort())
    page = _start_a_case_study(bp, "Tenants repair their own homes")
    assert page.locator("textarea#id_body").is_visible()
    assert page.get_by_role("toolbar").count() == 0
    hint = page.locator("#id_body-hint").inner_text()
    assert "You can use these HTML tags" in hint
    # The example image is one the site stores, since no other image is kept.
    assert 'src="/media/...' in hint
    assert "https://" not in hint
    page.get_by_label("The story").fill(
        "<h2>What happened</h2><p>The quernstone workshop trains tenant apprentices.</p>"
        '<img src="https://example.org/x.png">'
    )
    bp.submit("Save")
    assert page.title().startswith("Error:")
    assert "needs alt text" in page.locator(".govuk-error-summary").inner_text()
    page.get_by_label("The story").fill(
        '<h2 style="color:red">What happened</h2><script>alert(1)</script>'
        "<p>The <strong>quernstone</strong> workshop trains tenant apprentices.</p>"
    )
    bp.submit("Save")
    assert "Your draft has been saved" in page.locator(".govuk-notification-banner").inner_text()
    assert CaseStudy.objects.get().body_html == (
        '<h2 class="govuk-heading-m">What happened</h2>'
        '<p class="govuk-body">The <strong>quernstone</strong> workshop trains tenant '
        "apprentices.</p>"
    )
