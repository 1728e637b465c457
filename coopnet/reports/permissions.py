"""Who may do what with the network's reports.

- Network admins write a year's text, generate and regenerate documents, compare generations and
  publish a Review of the Year.
- Anyone may read a published Review of the Year (its page and its PDF).
"""

import rules

from coopnet.accounts.permissions import is_network_admin
from coopnet.core.files import register_file
from coopnet.core.guard import allowed


@rules.predicate
def is_published(user, report) -> bool:
    return report is not None and report.published_at is not None and report.is_ready


rules.add_perm("reports.generate", is_network_admin)
rules.add_perm("reports.write_narrative", is_network_admin)
rules.add_perm("reports.publish", is_network_admin)
rules.add_perm("reports.view_generation", is_network_admin)
rules.add_perm("reports.view_pdf", is_network_admin | is_published)


def register_files() -> None:
    """Who may see a generated report's PDF (coopnet.core.files): staff, and everyone once it is
    published."""
    register_file(
        "reports.GeneratedReport",
        "file",
        can_view=lambda user, report: report.is_ready and allowed(user, "reports.view_pdf", report),
    )
