import pytest
from django.urls import reverse

from coopnet.knowledge.models import CaseStudy
from coopnet.knowledge.tests.factories import CaseStudyFactory, NewsPostFactory, PublicationFactory

pytestmark = pytest.mark.django_db


def test_only_published_case_studies_are_open_data(client, org_a, django_assert_max_num_queries):
    CaseStudyFactory(lead_organisation=org_a, title="Public", contact_name="Jo")
    CaseStudyFactory(lead_organisation=org_a, state=CaseStudy.State.DRAFT, title="Draft")
    CaseStudyFactory.create_batch(5, lead_organisation=org_a)
    with django_assert_max_num_queries(6):
        data = client.get(reverse("api:case-study-list")).json()
    titles = [row["title"] for row in data["results"]]
    assert "Public" in titles
    assert "Draft" not in titles
    row = next(r for r in data["results"] if r["title"] == "Public")
    assert row["lead_member"] == org_a.slug
    assert row["principles"] == ["co-production"]
    assert "contact_name" not in row
    assert "moderation_comment" not in row


def test_publications_and_news(client):
    PublicationFactory(title="Public report")
    PublicationFactory(title="Hidden", is_public=False)
    NewsPostFactory(title="Out now")
    NewsPostFactory(title="Draft", published_at=None)
    titles = [r["title"] for r in client.get(reverse("api:publication-list")).json()["results"]]
    assert titles == ["Public report"]
    news = [r["title"] for r in client.get(reverse("api:news-post-list")).json()["results"]]
    assert news == ["Out now"]
