"""An event's description in the rich-text editor, in Welsh, with axe-core and the
Content-Security-Policy checked: the toolbar and the link dialog speak Welsh, and what the editor
writes (bold, italic, a list, a link) is what the sanitiser keeps and the event page shows."""

from __future__ import annotations

import pytest
from django.conf import settings

from conftest import PASSWORD
from coopnet.events.models import Event

from .factories import EventFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_organiser_formats_a_description_in_welsh(browser_page, officer_a, org_a):
    event = EventFactory(
        organiser=org_a,
        status=Event.Status.DRAFT,
        description_html='<p class="govuk-body">Gweithdy.</p>',
    )
    bp = browser_page.sign_in(officer_a.email, PASSWORD)
    page = bp.page
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "cy", "url": bp.base_url}]
    )
    bp.visit(f"/events/{event.slug}/edit/")
    assert "botymau uwchben y blwch" in page.locator("#id_description-hint").inner_text()
    toolbar = page.get_by_role("toolbar", name="Fformatio")
    description = page.get_by_role("textbox", name="Disgrifiad")

    bp.put_caret_after(description.get_by_text("Gweithdy."))
    page.keyboard.press("Enter")
    page.keyboard.type("Dewch â ")
    toolbar.get_by_role("button", name="Trwm").click()
    page.keyboard.type("phecyn bwyd")
    toolbar.get_by_role("button", name="Trwm").click()
    page.keyboard.type(" a ")
    toolbar.get_by_role("button", name="Italig").click()
    page.keyboard.type("chôt")
    toolbar.get_by_role("button", name="Italig").click()
    page.keyboard.press("Enter")
    toolbar.get_by_role("button", name="Rhestr bwledi").click()
    page.keyboard.type("Cinio")
    page.keyboard.press("Enter")
    page.keyboard.type("Te")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.keyboard.type("Yr agenda")
    page.keyboard.press("Shift+Home")
    toolbar.get_by_role("button", name="Ychwanegu dolen").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Cyfeiriad gwe").fill("https://example.org/agenda")
    dialog.get_by_role("button", name="Cadw'r ddolen").click()
    bp.check()
    bp.submit("Cadw")

    event.refresh_from_db()
    body = event.description_html
    assert body.startswith('<p class="govuk-body">Gweithdy.</p>')
    assert "<strong>phecyn bwyd</strong>" in body
    assert "<em>chôt</em>" in body
    bp.visit(f"/events/{event.slug}/")
    main = page.locator("main")
    assert main.locator("strong", has_text="phecyn bwyd").is_visible()
    assert main.locator("em", has_text="chôt").is_visible()
    assert main.locator("ul.govuk-list--bullet li").all_inner_texts() == ["Cinio", "Te"]
    link = main.get_by_role("link", name="Yr agenda")
    assert link.get_attribute("href") == "https://example.org/agenda"
