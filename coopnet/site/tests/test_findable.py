"""Every public section can be found: one site navigation, a knowledge hub, a home page that
shows what is new (and stays cheap and fresh)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coopnet.events.tests.factories import EventFactory
from coopnet.funding.tests.factories import ProjectFactory
from coopnet.governance.elections.models import Election
from coopnet.knowledge.tests.factories import CaseStudyFactory, NewsPostFactory

pytestmark = pytest.mark.django_db

PUBLIC_SECTIONS = [
    "members:directory",
    "knowledge:hub",
    "knowledge:case_studies",
    "knowledge:news",
    "knowledge:publications",
    "funding:projects",
    "funding:kpis",
    "events:upcoming",
    "governance:bodies",
    "elections:list",
    "engagement:groups",
    "learning:programmes",
    "procurement:arrangements",
    "open_data:index",
]


def _navigation(html: str) -> str:
    match = re.search(r'<section class="govuk-service-navigation".*?</section>', html, re.S)
    assert match, "no service navigation on the page"
    return match.group(0)


def _current(nav: str) -> list[str]:
    return re.findall(r'href="([^"]+)" aria-current="(?:page|true)"', nav)


def test_the_navigation_reaches_every_public_section(client):
    nav = _navigation(client.get(reverse("site:home")).text)
    for name in PUBLIC_SECTIONS:
        assert f'href="{reverse(name)}"' in nav, name
        assert client.get(reverse(name)).status_code == 200, name
    assert _current(nav) == []  # the home page is no section


@pytest.mark.parametrize(
    ("path", "section"),
    [
        ("/knowledge/", "knowledge:hub"),
        ("/knowledge/news/", "knowledge:news"),
        ("/knowledge/being-a-co-operative-council/", "knowledge:hub"),
        ("/funding/", "funding:projects"),
        ("/funding/kpis/", "funding:kpis"),
        ("/events/figures/", "funding:kpis"),
        ("/elections/", "elections:list"),
        ("/members/", "members:directory"),
    ],
)
def test_the_current_section_is_marked(client, path, section):
    response = client.get(path)
    assert response.status_code == 200
    assert _current(_navigation(response.text)) == [reverse(section)]


def test_the_navigation_speaks_welsh(client):
    client.cookies["django_language"] = "cy"
    nav = _navigation(client.get(reverse("knowledge:news")).text)
    for welsh in ["Newyddion", "Hyb gwybodaeth", "Etholiadau"]:
        assert welsh in nav
    assert "Knowledge hub" not in nav


def test_the_knowledge_hub_links_its_parts_with_their_latest_items(client):
    CaseStudyFactory(title="Oldham community energy")
    NewsPostFactory(title="Annual conference announced")
    page = client.get("/knowledge/")
    assert page.status_code == 200
    for name in ["case_studies", "news", "publications", "council_resources"]:
        assert reverse(f"knowledge:{name}") in page.text
    assert "Oldham community energy" in page.text
    assert "Annual conference announced" in page.text


def _election(title: str, state: str) -> Election:
    from coopnet.governance.elections.tests.helpers import make_body

    body = make_body(slug=f"body-{Election.objects.count()}")
    slug = title.lower().replace(" ", "-")
    return Election.objects.create(title=title, slug=slug, body=body, state=state)


def test_the_home_page_shows_what_is_new(client):
    NewsPostFactory(title="Annual conference announced")
    CaseStudyFactory(title="Oldham community energy")
    ProjectFactory(title="Community wealth lab")
    EventFactory(title="Officers' webinar", starts_at=timezone.now() + timedelta(days=3))
    _election("EOC elections 2026", Election.State.NOMINATIONS)
    _election("Old draft", Election.State.DRAFT)
    page = client.get(reverse("site:home")).text
    for title in [
        "Annual conference announced",
        "Oldham community energy",
        "Community wealth lab",
        "Officers&#x27; webinar",
        "EOC elections 2026",
    ]:
        assert title in page, title
    assert "Old draft" not in page
    assert reverse("funding:kpis") in page
    assert reverse("events:kpis") in page


def _home_queries(client) -> int:
    client.cookies.clear()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("site:home"), HTTP_CACHE_CONTROL="no-cache").status_code == 200
    return len(ctx.captured_queries)


def test_the_home_page_costs_the_same_at_few_and_many_rows(client, settings):
    settings.CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
        for alias in ("default", "local")
    }
    for _ in range(2):
        NewsPostFactory()
        CaseStudyFactory()
        ProjectFactory()
        EventFactory()
    few = _home_queries(client)
    for _ in range(8):
        NewsPostFactory()
        CaseStudyFactory()
        ProjectFactory()
        EventFactory()
    assert _home_queries(client) == few
    assert few <= 30


def test_the_remembered_home_page_shows_news_as_soon_as_it_is_published(client):
    assert "Fresh news" not in client.get(reverse("site:home")).text
    NewsPostFactory(title="Fresh news")
    assert "Fresh news" in client.get(reverse("site:home")).text
    post = NewsPostFactory(title="Withdrawn soon")
    assert "Withdrawn soon" in client.get(reverse("site:home")).text
    type(post).objects.filter(pk=post.pk).update(published_at=None)  # a bulk write
    assert "Withdrawn soon" not in client.get(reverse("site:home")).text
