"""The knowledge hub's section of the network's reports (`coopnet.core.reports`): the
publications of the membership year and the number of case studies published by its end."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from coopnet.core import figures as rule
from coopnet.core.membership_year import year_end, year_start
from coopnet.core.reports import REVIEW, Section, register_section

from . import selectors


def publications_section(year: int) -> Section:
    start, end = year_start(year), year_end(year)
    publications = list(
        selectors.publication_list().filter(published_on__gte=start, published_on__lte=end)
    )
    case_studies = rule.figure(
        "case-studies",
        end,
        lambda: selectors.published_case_studies().filter(published_at__date__lte=end).count(),
    )
    return Section(
        context={"publications": publications, "case_studies": case_studies, "on": end},
        printed={
            "publications": [p.title for p in publications],
            "case-studies": case_studies,
        },
    )


def register() -> None:
    register_section(
        REVIEW,
        "publications",
        order=50,
        title=_("Publications"),
        build=publications_section,
        template="knowledge/report_sections/publications.html",
    )
