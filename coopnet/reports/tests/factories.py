from __future__ import annotations

from django.core.files.base import ContentFile
from django.utils import timezone

from coopnet.core.reports import REVIEW
from coopnet.reports.models import GeneratedReport

# A one-page PDF, enough for the pages that serve a stored file.
TINY_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def ready_report(*, year: int = 2021, published: bool = False, figures=None) -> GeneratedReport:
    report = GeneratedReport.objects.create(
        kind=REVIEW,
        year=year,
        state=GeneratedReport.State.READY,
        done=3,
        total=3,
        pages=1,
        figures=figures or {"membership.full.now": {"value": "34", "from_reported": False}},
        published_at=timezone.now() if published else None,
        finished_at=timezone.now(),
    )
    report.file.save(f"review-{report.pk}.pdf", ContentFile(TINY_PDF))
    return report
