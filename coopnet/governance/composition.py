"""The composition of the network's bodies, as data: which seats each has, for which
constituency, with which office and how many places (from the network's published annual review).

`ensure_bodies` writes it idempotently; the demo loader and staff set-up call it. Changing the
composition is a change of this data (or of the seats in the back office), never of the rules in
the services, which read seats alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_noop

from coopnet.members.models import Organisation

from .models import Body, Constituency, Office, Seat


@dataclass(frozen=True)
class SeatRule:
    key: str
    name: str
    constituency: str
    places: int = 1
    office: str = ""
    ex_officio_of: tuple[str, str] | None = None  # (body slug, seat key)


@dataclass(frozen=True)
class BodyRule:
    slug: str
    name: str
    short_name: str
    purpose: str
    seats: tuple[SeatRule, ...] = field(default_factory=tuple)
    quorum: int | None = None


C = Constituency

VP_BOARD = BodyRule(
    slug="vp-board",
    name=gettext_noop("Values and Principles Board"),
    short_name=gettext_noop("V&P Board"),
    purpose=gettext_noop(
        "The Values and Principles Board is responsible overall for oversight of the network's "
        "co-operative values and principles. Its members come from across the co-operative "
        "movement: councils in Full and Associate membership, Affiliates, the co-operative "
        "sector and a trade union."
    ),
    seats=(
        SeatRule("chair", gettext_noop("Chair (Full member)"), C.FULL, office=Office.CHAIR),
        SeatRule(
            "vice-chair-full",
            gettext_noop("Vice-Chair (Full member)"),
            C.FULL,
            office=Office.VICE_CHAIR,
        ),
        SeatRule("full", gettext_noop("Full member representatives"), C.FULL, places=3),
        SeatRule(
            "vice-chair-associate",
            gettext_noop("Vice-Chair (Associate member)"),
            C.ASSOCIATE,
            office=Office.VICE_CHAIR,
        ),
        SeatRule(
            "associate", gettext_noop("Associate member representatives"), C.ASSOCIATE, places=4
        ),
        SeatRule(
            "vice-chair-affiliate",
            gettext_noop("Vice-Chair (Affiliate member)"),
            C.AFFILIATE,
            office=Office.VICE_CHAIR,
        ),
        SeatRule(
            "affiliate", gettext_noop("Affiliate member representatives"), C.AFFILIATE, places=2
        ),
        SeatRule(
            "cooperative-sector",
            gettext_noop("Co-operative sector representatives"),
            C.COOPERATIVE_SECTOR,
            places=5,
        ),
        SeatRule("trade-union", gettext_noop("Trade union representative"), C.TRADE_UNION),
    ),
)

EOC = BodyRule(
    slug="eoc",
    name=gettext_noop("Executive Oversight Committee"),
    short_name=gettext_noop("EOC"),
    purpose=gettext_noop(
        "The Executive Oversight Committee manages the network's affairs for all its members "
        "under delegated powers. Its seven purposes are to:\n"
        "- lead co-operative policy development for the network's members;\n"
        "- take the key decisions on the network's priorities, such as the scope of Policy Labs "
        "and Policy Prototypes;\n"
        "- oversee how the network's strategic direction is developed, reviewed, approved and "
        "carried out;\n"
        "- raise the network's profile, grow its influence and strengthen its policy impact;\n"
        "- oversee the network's budget, allocate spending and sign off the annual accounts;\n"
        "- make sure the Values and Principles Board has the resources and support it needs;\n"
        "- look after the network's reputation, including issues such as the conduct of members."
    ),
    seats=(
        SeatRule("chair", gettext_noop("Chair (Full member)"), C.FULL, office=Office.CHAIR),
        SeatRule(
            "vice-chair", gettext_noop("Vice-Chair (Full member)"), C.FULL, office=Office.VICE_CHAIR
        ),
        SeatRule("full", gettext_noop("Member council representatives"), C.FULL, places=6),
        SeatRule("associate", gettext_noop("Associate member representative"), C.ASSOCIATE),
        SeatRule("affiliate", gettext_noop("Affiliate member representative"), C.AFFILIATE),
        SeatRule(
            "accountable-body", gettext_noop("Accountable Body representative"), C.ACCOUNTABLE_BODY
        ),
        SeatRule(
            "vp-chair",
            gettext_noop("Chair of the Values and Principles Board (ex officio)"),
            C.EX_OFFICIO,
            ex_officio_of=("vp-board", "chair"),
        ),
    ),
)

BODIES = (EOC, VP_BOARD)
ORDER = {"eoc": 1, "vp-board": 2}


def _seat_order(rule: BodyRule) -> dict[str, int]:
    return {s.key: (i + 1) * 10 for i, s in enumerate(rule.seats)}


def ensure_bodies(*, accountable_body: Organisation | None) -> dict[str, int]:
    """Create or update the bodies and their seats; returns counts of created/updated rows.

    Seats are found by (body, order) so renaming a seat here updates it in place.
    """
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    seats_by_key: dict[tuple[str, str], Seat] = {}
    # The V&P Board first: the EOC's ex officio seat follows its Chair.
    for rule in sorted(BODIES, key=lambda r: r.slug != "vp-board"):
        body = _save(
            Body,
            {"slug": rule.slug},
            {
                "name": rule.name,
                "short_name": rule.short_name,
                "purpose": rule.purpose,
                "order": ORDER[rule.slug],
                "quorum": rule.quorum,
            },
            counts,
        )
        for key, order in _seat_order(rule).items():
            seat_rule = next(s for s in rule.seats if s.key == key)
            source = seats_by_key.get(seat_rule.ex_officio_of) if seat_rule.ex_officio_of else None
            seats_by_key[(rule.slug, key)] = _save(
                Seat,
                {"body": body, "order": order},
                {
                    "name": seat_rule.name,
                    "constituency": seat_rule.constituency,
                    "office": seat_rule.office,
                    "places": seat_rule.places,
                    "ex_officio_of": source,
                    "reserved_for": accountable_body
                    if seat_rule.constituency == C.ACCOUNTABLE_BODY
                    else None,
                },
                counts,
            )
    return counts


def _save(model, lookup: dict, values: dict, counts: dict[str, int]):
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model.objects.create(**lookup, **values)
        counts["created"] += 1
        return obj
    changed = [k for k, v in values.items() if getattr(obj, k) != v]
    if changed:
        for k in changed:
            setattr(obj, k, values[k])
        obj.save()
        counts["updated"] += 1
    else:
        counts["unchanged"] += 1
    return obj
