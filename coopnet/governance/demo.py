"""Demo governance: the EOC and the V&P Board as the Review of the Year 2021/22 shows them at
31 July 2022, with their vacancies, and the network's governing documents.

The people and organisations come from the registry demo (coopnet.demo.seed); nobody is added
here. The review gives no day on which terms began, so appointments start, approximately, on
the first day of the 2021/22 membership year, the earliest day the registry knows the members'
categories for (as the registry itself does). The review gives month and year for the one
term it dates (the V&P Board's Chair, March 2021 – June 2022); members who stepped down during
the year without a date are not recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy

from coopnet.core.actors import System, acting_as
from coopnet.demo.loader import CREATED, UNCHANGED, UPDATED, LoadSummary, upsert
from coopnet.demo.seed import sources as s
from coopnet.members.models import Organisation, Person

from .composition import BODIES, _seat_order, ensure_bodies
from .models import Appointment, DocumentVersion, GovernanceDocument, Seat
from .services import appointment_create

LABELS = {
    "governance_bodies": gettext_lazy("governance bodies and seats"),
    "appointments": gettext_lazy("appointments"),
    "governance_documents": gettext_lazy("governance documents"),
}

ACCOUNTABLE_BODY = "oldham-council"
DEMO = System("load_demo")
AS_AT = s.YEAR_END_2022
TERM_START = s.YEAR_START_2021
AS_AT_SOURCE = f"{s.REVIEW_2022}: member at 31 July 2022 (start approximate)"
ELECTED, APPOINTED, EX_OFFICIO = (
    Appointment.How.ELECTED,
    Appointment.How.APPOINTED,
    Appointment.How.EX_OFFICIO,
)


@dataclass(frozen=True)
class SeedAppointment:
    body: str
    seat: str  # the seat's key in composition.py
    person: str  # person slug (coopnet.demo.seed.people)
    organisation: str = ""  # organisation slug
    how: str = ELECTED
    start: date = TERM_START
    end: date | None = None
    source: str = AS_AT_SOURCE


EOC_2022 = (
    SeedAppointment("eoc", "chair", "sharon-taylor", "stevenage-borough-council"),
    SeedAppointment("eoc", "vice-chair", "peter-bradbury", "cardiff-council"),
    SeedAppointment("eoc", "full", "paul-stewart", "sunderland-city-council"),
    SeedAppointment("eoc", "full", "shabir-pandor", "kirklees-council"),
    SeedAppointment("eoc", "full", "steve-darling", "torbay-council"),
    SeedAppointment("eoc", "full", "louise-gittins", "cheshire-west-chester-council"),
    SeedAppointment("eoc", "full", "sue-smith", "rochdale-metropolitan-borough-council"),
    # Oldham Council is the Accountable Body; its cabinet member is read as its representative,
    # which leaves one of the six council places vacant, as the review shows.
    SeedAppointment(
        "eoc", "accountable-body", "barbara-brownridge", ACCOUNTABLE_BODY, how=APPOINTED
    ),
    SeedAppointment("eoc", "associate", "clare-gamble", "billingham-town-council"),
    SeedAppointment("eoc", "affiliate", "jonathan-bland", "e3m"),
)

VP_CHAIR_SOURCE = (
    f"{s.REVIEW_2022}: Chair of the V&P Board March 2021 – June 2022 (recorded from the start "
    "of the 2021/22 year, the earliest date the registry holds the council's membership)"
)
VP_CHAIR_END = date(2022, 6, 30)

VP_2022 = (
    SeedAppointment(
        "vp-board",
        "chair",
        "joyce-mccarty",
        "newcastle-city-council",
        end=VP_CHAIR_END,
        source=VP_CHAIR_SOURCE,
    ),
    SeedAppointment(
        "eoc",
        "vp-chair",
        "joyce-mccarty",
        "newcastle-city-council",
        how=EX_OFFICIO,
        end=VP_CHAIR_END,
        source=VP_CHAIR_SOURCE,
    ),
    SeedAppointment("vp-board", "vice-chair-full", "john-fahy", "royal-borough-of-greenwich"),
    SeedAppointment("vp-board", "full", "frank-walsh", "knowsley-metropolitan-borough-council"),
    SeedAppointment("vp-board", "full", "rae-evans", "telford-and-wrekin-council"),
    SeedAppointment("vp-board", "full", "joyce-welsh", "south-tyneside-council"),
    SeedAppointment("vp-board", "vice-chair-associate", "sue-woodward", "burntwood-town-council"),
    SeedAppointment("vp-board", "associate", "peter-curling", "hillingdon-labour-co-op-group"),
    SeedAppointment(
        "vp-board", "associate", "michael-stubbs", "newcastle-under-lyme-labour-co-op-group"
    ),
    SeedAppointment(
        "vp-board", "associate", "hayden-philips", "north-warwickshire-labour-co-op-group"
    ),
    SeedAppointment("vp-board", "associate", "donna-fuller", "woughton-community-council"),
    SeedAppointment("vp-board", "vice-chair-affiliate", "gus-della-porta", "bates-wells"),
    SeedAppointment("vp-board", "affiliate", "rachael-walker", "trueman-change"),
    SeedAppointment("vp-board", "cooperative-sector", "jo-white", "co-operative-futures"),
    SeedAppointment("vp-board", "cooperative-sector", "rebecca-harvey"),
    SeedAppointment("vp-board", "cooperative-sector", "neil-calvert", "co-operative-college"),
    SeedAppointment("vp-board", "cooperative-sector", "cheryl-barrott", "co-operatives-uk"),
    SeedAppointment("vp-board", "cooperative-sector", "richard-mccready"),
    SeedAppointment("vp-board", "trade-union", "paul-bell"),
)

APPOINTMENTS = (*VP_2022, *EOC_2022)  # the V&P Chair first: the EOC's ex officio seat follows


@dataclass(frozen=True)
class SeedVersion:
    document: str
    title: str
    kind: str
    label: str
    adopted_on: date
    precision: str
    note: str
    text: str = ""


DOCUMENTS = (
    SeedVersion(
        "constitution",
        "Constitution",
        GovernanceDocument.Kind.CONSTITUTION,
        "2012",
        date(2012, 1, 1),
        DocumentVersion.Precision.YEAR,
        "First written when the network was established in 2012",
        "The network's first constitution, written when it was founded.",
    ),
    SeedVersion(
        "constitution",
        "Constitution",
        GovernanceDocument.Kind.CONSTITUTION,
        "Revised 2022",
        date(2022, 2, 1),
        DocumentVersion.Precision.MONTH,
        "Approved at the 2021 AGM, held in February 2022 (review begun June 2021)",
        "The revised constitution sets out the roles and responsibilities of the Executive "
        "Oversight Committee and the Values and Principles Board and of each membership "
        "category, gives guidance on the election procedure and links to the complaints "
        "procedure.",
    ),
    SeedVersion(
        "terms-of-reference",
        "Terms of reference",
        GovernanceDocument.Kind.TERMS_OF_REFERENCE,
        "2016",
        date(2016, 1, 1),
        DocumentVersion.Precision.YEAR,
        "Last reviewed in 2016",
        "The terms of reference as last reviewed in 2016.",
    ),
    SeedVersion(
        "terms-of-reference",
        "Terms of reference",
        GovernanceDocument.Kind.TERMS_OF_REFERENCE,
        "Revised 2022",
        date(2022, 2, 1),
        DocumentVersion.Precision.MONTH,
        "Approved with the revised constitution at the 2021 AGM, held in February 2022",
        "The terms of reference reviewed with the constitution from June 2021.",
    ),
)


def _load_bodies(summary: LoadSummary) -> None:
    counts = ensure_bodies(accountable_body=Organisation.objects.get(slug=ACCOUNTABLE_BODY))
    for outcome in (CREATED, UPDATED, UNCHANGED):
        for _n in range(counts[outcome]):
            summary.count("governance_bodies", outcome)


def _seat(body: str, key: str) -> Seat:
    rule = next(r for r in BODIES if r.slug == body)
    return Seat.objects.get(body__slug=body, order=_seat_order(rule)[key])


def _load_appointment(item: SeedAppointment, summary: LoadSummary) -> None:
    seat = _seat(item.body, item.seat)
    person = Person.objects.get(slug=item.person)
    organisation = Organisation.objects.get(slug=item.organisation) if item.organisation else None
    existing = Appointment.objects.filter(seat=seat, person=person, start=item.start).first()
    if existing is not None:
        _, outcome = upsert(
            Appointment,
            {"pk": existing.pk},
            {"end": item.end, "organisation": organisation, "source": item.source},
        )
        summary.count("appointments", outcome)
        return
    appointment_create(
        seat=seat,
        person=person,
        organisation=organisation,
        start=item.start,
        end=item.end,
        how=item.how,
        by=DEMO,
        start_is_approximate=True,
        source=item.source,
    )
    summary.count("appointments", CREATED)


def _load_documents(summary: LoadSummary) -> None:
    for item in DOCUMENTS:
        document, outcome = upsert(
            GovernanceDocument, {"slug": item.document}, {"title": item.title, "kind": item.kind}
        )
        summary.count("governance_documents", outcome)
        _, outcome = upsert(
            DocumentVersion,
            {"document": document, "label": item.label},
            {
                "adopted_on": item.adopted_on,
                "adopted_on_precision": item.precision,
                "note": item.note,
                "text": item.text,
            },
        )
        summary.count("governance_documents", outcome)


def load(summary: LoadSummary) -> None:
    with acting_as(DEMO):
        _load_bodies(summary)
        for item in APPOINTMENTS:
            _load_appointment(item, summary)
        _load_documents(summary)
