"""The areas of the API a token may be given (api_tokens.py): the app that defines the
endpoints, and what a person is told it covers."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

# Each area of the API a token may be given: the app that defines the endpoints, and its name.
SCOPES = {
    "members": gettext_lazy("Registry: organisations, people and memberships"),
    "finance": gettext_lazy("Finance: invoices and budgets"),
    "governance": gettext_lazy("Governance: bodies, meetings and elections"),
    "funding": gettext_lazy("Funding: rounds, bids and grants"),
    "knowledge": gettext_lazy("Knowledge: case studies and publications"),
    "events": gettext_lazy("Events"),
    "engagement": gettext_lazy("Networks and groups"),
    "procurement": gettext_lazy("Procurement: suppliers and contracts"),
    "learning": gettext_lazy("Learning and peer review"),
}
