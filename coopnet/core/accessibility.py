"""The facts of the accessibility statement, kept beside the code they describe.

The statement follows the model the Government Digital Service publishes for the Public Sector
Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018: compliance
status, the content that is not accessible and why, how to ask for another format and report a
problem, the enforcement procedure, and how and when the service was tested. Update the dates
and the known issues here when the service is tested again or an issue is fixed
(docs/operations.md, "Accessibility statement").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

STANDARD = "WCAG 2.2 AA"
PREPARED_ON = date(2026, 12, 4)
REVIEWED_ON = date(2026, 12, 4)
TESTED_ON = date(2026, 12, 4)
REPLY_WITHIN_WORKING_DAYS = 5


@dataclass(frozen=True)
class KnownIssue:
    what: Promise
    criteria: str  # the WCAG 2.2 success criteria it fails
    plan: Promise


KNOWN_ISSUES = (
    KnownIssue(
        what=_(
            "Documents that staff and members upload, such as meeting papers, bid documents "
            "and publications, are published as they were made. Some of them are PDF or Word "
            "files without headings, tags or text alternatives for images."
        ),
        criteria="1.1.1, 1.3.1, 2.4.2, 4.1.2",
        plan=_(
            "We ask everyone who uploads a document to check it with their editor's "
            "accessibility checker, and we will make an accessible version of any document on "
            "request."
        ),
    ),
    KnownIssue(
        what=_(
            "The PDFs the service makes (invoices, credit notes, the Case Studies Pack, results "
            "sheets) are tagged with their headings, tables, images' text alternatives and "
            "language, but they have not yet been checked against PDF/UA or with a screen "
            "reader."
        ),
        criteria="1.3.1, 1.3.2",
        plan=_("Every page they come from is also available as a web page."),
    ),
)

OUT_OF_SCOPE = (
    _(
        "Video and audio recordings of past webinars and conferences, and the online meeting "
        "and chat services that events and groups link to, are provided by other services."
    ),
    _(
        "Documents published before 23 September 2018 that are not needed for using the "
        "service today."
    ),
)


def statement() -> dict[str, object]:
    """The facts the statement page shows."""
    return {
        "standard": STANDARD,
        "prepared_on": PREPARED_ON,
        "reviewed_on": REVIEWED_ON,
        "tested_on": TESTED_ON,
        "reply_days": REPLY_WITHIN_WORKING_DAYS,
        "known_issues": KNOWN_ISSUES,
        "out_of_scope": OUT_OF_SCOPE,
    }
