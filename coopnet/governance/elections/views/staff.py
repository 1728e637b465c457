"""Staff pages: set up an election, run it stage by stage, preview the electorate."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from coopnet.accounts.requests import signed_in_user
from coopnet.core.confirmation import confirm_form, confirmation_page
from coopnet.core.errors import reported
from coopnet.core.guard import require

from .. import selectors, services
from ..forms import ElectionForm
from ..models import Election
from ..results_sheet import contest_rows, stage_notes
from .public import election_or_404

NEXT_STEP_LABELS = {
    Election.State.DRAFT: gettext_lazy("Open nominations"),
    Election.State.NOMINATIONS: gettext_lazy("Close nominations"),
    Election.State.NOMINATIONS_CLOSED: gettext_lazy("Open voting and fix the electorate"),
    Election.State.VOTING: gettext_lazy("Close voting"),
    Election.State.VOTING_CLOSED: gettext_lazy("Count the votes"),
    Election.State.COUNTED: gettext_lazy("Publish the results"),
}

EVENT_LABELS = {
    "created": gettext_lazy("Election set up"),
    "updated": gettext_lazy("Details changed"),
    "nominations_opened": gettext_lazy("Nominations opened"),
    "nominations_closed": gettext_lazy("Nominations closed"),
    "voting_opened": gettext_lazy("Voting opened; electorate fixed"),
    "voting_closed": gettext_lazy("Voting closed"),
    "counted": gettext_lazy("Votes counted"),
    "published": gettext_lazy("Results published"),
    "loaded": gettext_lazy("Recorded from a published report"),
}


def _require_manager(request: HttpRequest) -> None:
    require(request.user, services.setup.MANAGE)


def _election_form(
    request: HttpRequest,
    form: ElectionForm,
    save: Callable[[ElectionForm], Election],
    *,
    heading: str,
    done: str,
    election: Election | None = None,
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            saved = save(form)
        if outcome.ok:
            messages.success(request, done)
            return redirect("elections:manage", slug=saved.slug)
    context = {"form": form, "heading": heading, "election": election}
    return render(request, "elections/election_form.html", context)


def election_create(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    by = signed_in_user(request)
    return _election_form(
        request,
        ElectionForm(request.POST or None),
        lambda f: services.election_create(
            seats=list(f.cleaned_data["seats"]), details=f.details(), by=by
        ),
        heading=_("Set up an election"),
        done=_("The election has been set up."),
    )


def election_edit(request: HttpRequest, slug: str) -> HttpResponse:
    _require_manager(request)
    election = election_or_404(request, slug)
    if election.state != Election.State.DRAFT:
        messages.error(request, _("Only an election that is being set up can be changed."))
        return redirect("elections:manage", slug=election.slug)
    initial = {
        name: getattr(election, name)
        for name in ("title", "method", "term_start", "term_end", *services.setup.TIMETABLE)
    }
    initial["seats"] = [c.seat for c in election.contests.all()]
    by = signed_in_user(request)
    return _election_form(
        request,
        ElectionForm(request.POST or None, initial=initial),
        lambda f: services.election_update(
            election=election, seats=list(f.cleaned_data["seats"]), details=f.details(), by=by
        ),
        heading=_("Change the election"),
        done=_("The election has been changed."),
        election=election,
    )


def election_manage(request: HttpRequest, slug: str) -> HttpResponse:
    _require_manager(request)
    election = election_or_404(request, slug, with_stages=True)
    counted = election.state in (Election.State.COUNTED, Election.State.PUBLISHED)
    contests = [
        {
            "contest": contest,
            "nominations": list(contest.nominations.all()),
            "rows": contest_rows(contest) if counted else None,
            "stages": stage_notes(contest, named=True) if counted else None,
        }
        for contest in election.contests.all()
    ]
    events = [
        {"event": e, "label": EVENT_LABELS.get(e.action, e.action)}
        for e in selectors.election_events(election)
    ]
    return render(
        request,
        "elections/manage.html",
        {
            "election": election,
            "contests": contests,
            "events": events,
            "next_step": NEXT_STEP_LABELS.get(Election.State(election.state)),
            "turnout": selectors.turnout(election) if election.electorate_on else {},
        },
    )


CONSEQUENCES = {
    Election.State.DRAFT: gettext_lazy(
        "Nominations open: the election can no longer be changed, and its page becomes public."
    ),
    Election.State.NOMINATIONS: gettext_lazy(
        "Nominations close: no one can be nominated or accept a nomination after this."
    ),
    Election.State.NOMINATIONS_CLOSED: gettext_lazy(
        "The electorate is fixed from the membership registry today and voting opens: later "
        "changes to memberships and voting contacts do not change who may vote."
    ),
    Election.State.VOTING: gettext_lazy("Voting closes: no more ballots can be cast."),
    Election.State.VOTING_CLOSED: gettext_lazy(
        "The votes are counted; only staff see the count until the results are published."
    ),
    Election.State.COUNTED: gettext_lazy(
        "The results are published to everyone, and the elected take their seats. This cannot "
        "be undone."
    ),
}


def _advance_warnings(election: Election) -> tuple[list[str], str | None]:
    """What staff must know before the next stage, and the box they must tick, if any."""
    warnings: list[str] = []
    acknowledge = None
    if election.state == Election.State.NOMINATIONS_CLOSED:
        missing = selectors.electors_without_voting_contact(election)
        if missing:
            warnings.append(
                ngettext(
                    "%(count)d organisation entitled to vote has no voting contact and cannot "
                    "vote: %(names)s.",
                    "%(count)d organisations entitled to vote have no voting contact and cannot "
                    "vote: %(names)s.",
                    len(missing),
                )
                % {"count": len(missing), "names": ", ".join(o.name for o in missing)}
            )
    if election.state == Election.State.COUNTED:
        for contest, voted, entitled in selectors.low_turnout_contests(election):
            warnings.append(
                _("Very low turnout for %(seat)s: %(voted)d of %(entitled)d organisations voted.")
                % {"seat": contest.seat.name, "voted": voted, "entitled": entitled}
            )
        if warnings:
            acknowledge = _("I have checked the turnout and the results should be published")
    return warnings, acknowledge


def election_advance(request: HttpRequest, slug: str) -> HttpResponse:
    """Move the election to its next stage, after confirming on this page what that does."""
    _require_manager(request)
    election = election_or_404(request, slug)
    next_step = NEXT_STEP_LABELS.get(Election.State(election.state))
    if next_step is None or election.reported_only:
        messages.error(request, _("This election has no further stage."))
        return redirect("elections:manage", slug=election.slug)
    warnings, acknowledge = _advance_warnings(election)
    form = confirm_form(request, acknowledge=acknowledge)
    if form.is_valid():
        with reported(request) as outcome:
            election = services.election_advance(
                election=election,
                expected_state=request.POST.get("state", ""),
                by=signed_in_user(request),
            )
        if outcome.ok:
            messages.success(
                request,
                _("The election is now at the stage “%(state)s”.")
                % {"state": election.get_state_display()},
            )
        return redirect("elections:manage", slug=election.slug)
    return confirmation_page(
        request,
        form,
        heading=next_step,
        caption=election.title,
        action=next_step,
        cancel_url=reverse("elections:manage", args=[election.slug]),
        consequences=[CONSEQUENCES[Election.State(election.state)]],
        warnings=warnings,
        hidden={"state": election.state},
        destructive=election.state == Election.State.COUNTED,
    )


def electorate(request: HttpRequest, slug: str) -> HttpResponse:
    _require_manager(request)
    election = election_or_404(request, slug)
    if election.electorate_on:
        rows = None
        electors = selectors.frozen_electorate(election)
        delegations = selectors.delegations_by_organisation(election)
        frozen = [{"elector": e, "delegate": delegations.get(e.organisation_id)} for e in electors]
    else:
        rows = selectors.electorate_preview(election, selectors.electorate_date(election))
        frozen = None
    return render(
        request,
        "elections/electorate.html",
        {
            "election": election,
            "rows": rows,
            "frozen": frozen,
            "on": selectors.electorate_date(election),
            "without_contact": selectors.electors_without_voting_contact(election),
        },
    )
