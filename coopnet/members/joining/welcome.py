"""The welcome pack for a new member: one template, shown as a page and printed as a PDF.

Its content comes from the network's own documents (the seeds): what membership gives, the
principles (from the database), networks and contacts. Its figures come from the apps that hold
them, through the report sections registered under `WELCOME` (`coopnet.core.reports`): the bodies'
seats and elections (governance), each scheme's cap and the pot (funding), the training programmes
and the induction (learning); a section whose app holds nothing is left out. The key contacts are
settings (`COOPNET_NETWORK_CONTACTS`), defaulting to those the seeds name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from coopnet.core.membership_year import year_of
from coopnet.core.models import Principle
from coopnet.core.pdf import pdf_response as core_pdf_response
from coopnet.core.pdf import render_pdf as core_render_pdf
from coopnet.core.reports import WELCOME, BuiltSection, build_sections

from ..models import Application, Membership, Organisation
from . import selectors

# From the LGA Special Interest Group report and the Review of the Year 2021/22.
DEFAULT_CONTACTS: list[dict[str, Any]] = [
    {
        "role": _("Operations and communications"),
        "name": "Nicola Huckerby",
        "email": "comms@councils.coop",
        "phone": "07813 687 292",
    },
    {
        "role": _("Network office (Accountable Body: Oldham Council)"),
        "name": "Oldham Civic Centre, West Street, Oldham, OL1 1UL",
        "email": "comms@councils.coop",
        "phone": "0161 770 5691",
    },
]

PDF_CSS = """
@page { size: A4; margin: 2cm; @bottom-right { content: counter(page); font-size: 9pt; } }
body { font-family: "Liberation Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.4; }
h1 { font-size: 22pt; color: #1d5c4d; margin: 0 0 0.5em; }
h2 { font-size: 15pt; color: #1d5c4d; margin: 1.2em 0 0.4em; }
h3 { font-size: 12pt; margin: 0.8em 0 0.2em; }
.govuk-caption-l { font-size: 12pt; color: #505a5f; }
dt { font-weight: bold; }
dd { margin: 0 0 0.5em 0; }
a { color: #1d5c4d; }
"""


@dataclass
class WelcomePack:
    name: str
    category: str
    start: date | None
    principles: list[Principle] = field(default_factory=list)
    contacts: list[dict[str, Any]] = field(default_factory=list)
    is_member_category: bool = True
    sections: list[BuiltSection] = field(default_factory=list)

    @property
    def network(self) -> str:
        return str(settings.NETWORK_NAME)


def contacts() -> list[dict[str, Any]]:
    return list(getattr(settings, "COOPNET_NETWORK_CONTACTS", DEFAULT_CONTACTS))


def welcome_sections(on: date | None = None) -> list[BuiltSection]:
    """The sections the apps contribute to the pack, for the membership year of `on` (today)."""
    return build_sections(WELCOME, year_of(on or timezone.localdate()))


def welcome_pack(holder_name: str, membership: Membership | None) -> WelcomePack:
    category = membership.category if membership is not None else None
    return WelcomePack(
        name=holder_name,
        category=str(_(category.name)) if category else "",
        start=membership.start if membership is not None else None,
        principles=list(selectors.network_principles()),
        contacts=contacts(),
        is_member_category=bool(category and category.counts_as_member),
        sections=welcome_sections(),
    )


def welcome_pack_for_application(application: Application) -> WelcomePack:
    return welcome_pack(application.display_name, application.membership)


def welcome_pack_for_organisation(organisation: Organisation, on: date) -> WelcomePack:
    memberships = sorted(
        (m for m in organisation.memberships.all() if m.start <= on),
        key=lambda m: m.start,
        reverse=True,
    )
    return welcome_pack(organisation.name, memberships[0] if memberships else None)


def context(pack: WelcomePack) -> dict[str, Any]:
    return {"pack": pack, "NETWORK_NAME": settings.NETWORK_NAME}


def render_pdf(pack: WelcomePack) -> bytes:
    return core_render_pdf("joining/welcome_pack_pdf.html", context(pack), css=PDF_CSS)


def pdf_filename(pack: WelcomePack) -> str:
    return f"welcome-pack-{slugify(pack.name) or 'member'}.pdf"


def pdf_response(pack: WelcomePack) -> HttpResponse:
    return core_pdf_response(render_pdf(pack), pdf_filename(pack))
