"""A contest's result as rows (candidate, outcome, total at each stage) and notes on each stage;
the result sheet as PDF (WeasyPrint, local assets only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _

from coopnet.core.pdf import render_pdf

from .counting import TieReason
from .models import Contest, CountStage, Election, Nomination


def format_votes(value: str | Decimal | None) -> str:
    if value is None or value == "":
        return "—"
    number = Decimal(value)
    if number == number.to_integral_value():
        return str(int(number))
    return f"{number:.5f}".rstrip("0")


@dataclass
class CandidateRow:
    nomination: Nomination
    totals: list[str] = field(default_factory=list)


@dataclass
class StageNote:
    stage: CountStage
    description: str
    notes: list[str]
    non_transferable: str


def _candidates(contest: Contest) -> list[Nomination]:
    accepted = [n for n in contest.nominations.all() if n.is_candidate]
    return sorted(
        accepted,
        key=lambda n: (n.elected_order is None, n.elected_order or 0, n.person.full_name),
    )


def contest_rows(contest: Contest) -> list[CandidateRow]:
    stages = list(contest.stages.all())
    return [
        CandidateRow(n, [format_votes(s.totals.get(str(n.pk))) for s in stages])
        for n in _candidates(contest)
    ]


def _tie_note(tie: dict[str, object], names: dict[int, str], seed: int | None) -> str:
    tied = ", ".join(names.get(int(c), "?") for c in tie["tied"])  # type: ignore[attr-defined]
    chosen = ", ".join(names.get(int(c), "?") for c in tie["chosen"])  # type: ignore[attr-defined]
    what = {
        TieReason.SURPLUS_ORDER: _("Equal surpluses (%(tied)s): %(chosen)s's transferred first."),
        TieReason.EXCLUSION: _("Equal lowest (%(tied)s): %(chosen)s excluded."),
        TieReason.LAST_PLACE: _("Equal votes for the last place (%(tied)s): %(chosen)s elected."),
    }[str(tie["reason"])] % {"tied": tied, "chosen": chosen}
    if tie["by_lot"]:
        how = _("Decided by lot (seeded draw, seed %(seed)s).") % {"seed": seed}
    else:
        how = _("Decided by the totals at stage %(n)s.") % {"n": tie["decided_at_stage"]}
    return f"{what} {how}"


def stage_notes(contest: Contest, *, named: bool = False) -> list[StageNote]:
    """What happened at each stage; candidates named by the public-name rule unless `named`."""
    names = {n.pk: n.person.name_shown(named=named) for n in contest.nominations.all()}
    result = []
    for stage in contest.stages.all():
        subject = names.get(stage.subject_id or 0, "")
        if stage.action == CountStage.Action.FIRST:
            description = _("First preferences") if contest.quota else _("Votes")
        elif stage.action == CountStage.Action.SURPLUS:
            description = _("Surplus of %(name)s transferred at %(value)s a vote") % {
                "name": subject,
                "value": format_votes(stage.transfer_value),
            }
        else:
            description = _("%(name)s excluded and their papers transferred") % {"name": subject}
        notes = [_tie_note(t, names, contest.lot_seed) for t in stage.ties]
        if stage.elected:
            notes.append(
                _("Elected: %(names)s.") % {"names": ", ".join(names[c] for c in stage.elected)}
            )
        result.append(StageNote(stage, description, notes, format_votes(stage.non_transferable)))
    return result


def result_sheet_pdf(election: Election, request: HttpRequest | None = None) -> bytes:
    contests = [
        {"contest": c, "rows": contest_rows(c), "stages": stage_notes(c)}
        for c in election.contests.all()
    ]
    return render_pdf(
        "elections/results_sheet.html",
        {"election": election, "contests": contests, "network": settings.NETWORK_NAME},
    )
