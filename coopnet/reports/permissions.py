"""Who may do what with the network's reports.

- Network admins write a year's text, generate and regenerate documents, compare generations and
  publish a Review of the Year.
- Anyone may read a published Review of the Year (its page and its PDF).
"""

import rules

from coopnet.accounts.permissions import is_network_admin


@rules.predicate
def is_published(user, report) -> bool:
    return report is not None and report.published_at is not None and report.is_ready


rules.add_perm("reports.generate", is_network_admin)
rules.add_perm("reports.write_narrative", is_network_admin)
rules.add_perm("reports.publish", is_network_admin)
rules.add_perm("reports.view_generation", is_network_admin)
rules.add_perm("reports.view_pdf", is_network_admin | is_published)
