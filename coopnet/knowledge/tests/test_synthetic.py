import pytest

from coopnet.knowledge.models import CaseStudy
from coopnet.knowledge.synthetic import generate_case_studies

pytestmark = pytest.mark.django_db


def test_synthetic_case_studies_are_realistic_and_repeatable(org_a, org_b):
    assert generate_case_studies(6, seed=7) == 6
    case_studies = list(CaseStudy.objects.order_by("pk"))
    words = [len(c.body_text.split()) for c in case_studies]
    assert all(600 <= n <= 1100 for n in words), words
    assert all(c.is_published and c.principles.exists() and c.themes.exists() for c in case_studies)
    assert {c.lead_organisation_id for c in case_studies} <= {org_a.pk, org_b.pk}
    first = [(c.title, c.body_text) for c in case_studies]
    CaseStudy.objects.all().delete()
    generate_case_studies(6, seed=7)
    again = [(c.title, c.body_text) for c in CaseStudy.objects.order_by("pk")]
    assert again == first


def test_synthetic_case_studies_need_councils():
    with pytest.raises(ValueError, match="need councils"):
        generate_case_studies(1)
