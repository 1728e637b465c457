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


def test_refusals_and_misses_answer_in_the_documented_error_shape(client, org_a):
    draft = CaseStudyFactory(lead_organisation=org_a, state=CaseStudy.State.DRAFT)
    response = client.get(reverse("api:case-study-detail", args=[draft.slug]))
    assert response.status_code == 404
    body = response.json()
    assert body["type"] == "client_error"
    assert [(e["code"], e["attr"]) for e in body["errors"]] == [("not_found", None)]
    refused = client.post(reverse("api:case-study-list"), {"title": "Mine"})
    assert refused.status_code in (401, 403, 405)
    assert refused.json()["type"] == "client_error"
    assert not CaseStudy.objects.filter(title="Mine").exists()
