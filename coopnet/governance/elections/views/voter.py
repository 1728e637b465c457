"""Pages for people in member organisations: can I vote?, nominate, answer a nomination, name a
delegate, vote, and the receipt."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coopnet.accounts.requests import signed_in_user
from coopnet.core.errors import reported
from coopnet.core.guard import refuse, require
from coopnet.members.models import Organisation

from .. import selectors, services
from ..forms import BallotForm, DelegationForm, NominationForm
from ..models import Contest, Election, Nomination
from ..permissions import is_nominee
from .public import election_or_404


def _receipt_page(
    request: HttpRequest, election: Election, contest: Contest, receipt: str
) -> HttpResponse:
    """The receipt, shown once in the answer to the vote itself: it is never stored anywhere
    that links it to the voter (not even the session), and the page is not cached."""
    response = render(
        request,
        "elections/voted.html",
        {"election": election, "contest": contest, "receipt": receipt},
    )
    add_never_cache_headers(response)
    return response


def can_i_vote(request: HttpRequest, slug: str) -> HttpResponse:
    election = election_or_404(request, slug)
    answer = selectors.voting_rights(signed_in_user(request), election)
    return render(request, "elections/can_i_vote.html", {"election": election, "answer": answer})


def nominate(request: HttpRequest, slug: str) -> HttpResponse:
    election = election_or_404(request, slug)
    user = signed_in_user(request)
    if election.state != Election.State.NOMINATIONS:
        messages.error(request, _("Nominations are not open for this election."))
        return redirect(election)
    today = timezone.localdate()
    organisations = selectors.acting_organisations(user, today)
    if not organisations.exists():
        raise refuse(_("You do not act for a member organisation today."))
    contests = election.contests.select_related("seat").order_by("seat__order", "pk")
    nominees = selectors.nominee_roles({c.seat.constituency for c in contests}, today)
    form = NominationForm(
        request.POST or None, contests=contests, organisations=organisations, nominees=nominees
    )
    if request.method == "POST" and form.is_valid():
        role = form.cleaned_data["nominee"]
        with reported(form) as outcome:
            nomination = services.nomination_create(
                contest=form.cleaned_data["contest"],
                person=role.person,
                organisation=role.organisation,
                nominating_organisation=form.cleaned_data["nominating_organisation"],
                statement=form.cleaned_data["statement"],
                by=user,
            )
        if outcome.ok:
            messages.success(
                request,
                _("%(name)s has been nominated. They must accept before nominations close.")
                % {"name": role.person.display_name},
            )
            return redirect("elections:nomination", slug=election.slug, pk=nomination.pk)
    context = {"election": election, "form": form, "heading": _("Make a nomination")}
    return render(request, "elections/nominate.html", context)


def _nomination(request: HttpRequest, slug: str, pk: int) -> tuple[Election, Nomination, bool]:
    election = election_or_404(request, slug)
    nomination = get_object_or_404(
        Nomination.objects.select_related(
            "person", "organisation", "nominated_by_organisation", "contest__seat"
        ),
        pk=pk,
        contest__election=election,
    )
    user = signed_in_user(request)
    require(user, "elections.view_nomination", nomination)
    return election, nomination, bool(is_nominee(user, nomination))


def nomination_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    election, nomination, is_nominee = _nomination(request, slug, pk)
    return render(
        request,
        "elections/nomination.html",
        {"election": election, "nomination": nomination, "is_nominee": is_nominee},
    )


def _answer(
    request: HttpRequest, slug: str, pk: int, service: Callable[..., Nomination], done: str
) -> HttpResponse:
    election, nomination, _is_nominee = _nomination(request, slug, pk)
    with reported(request) as outcome:
        service(nomination=nomination, by=signed_in_user(request))
    if outcome.ok:
        messages.success(request, done)
    return redirect("elections:nomination", slug=election.slug, pk=nomination.pk)


@require_POST
def nomination_accept(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    done = _("You have accepted the nomination. You are a candidate.")
    return _answer(request, slug, pk, services.nomination_accept, done)


@require_POST
def nomination_decline(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _answer(
        request, slug, pk, services.nomination_decline, _("You have declined the nomination.")
    )


def delegate(request: HttpRequest, slug: str) -> HttpResponse:
    election = election_or_404(request, slug)
    user = signed_in_user(request)
    today = timezone.localdate()
    organisations = selectors.acting_organisations(user, today)
    if not organisations.exists():
        raise refuse(_("You do not act for a member organisation today."))
    roles = selectors.roles_at(organisations, today)
    form = DelegationForm(request.POST or None, organisations=organisations, roles=roles)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            delegation = services.delegation_set(
                election=election,
                organisation=form.cleaned_data["organisation"],
                person=form.cleaned_data["delegate"].person,
                by=user,
            )
        if outcome.ok:
            messages.success(
                request,
                _("%(person)s will vote for %(org)s at this election.")
                % {"person": delegation.person.display_name, "org": delegation.organisation.name},
            )
            return redirect("elections:can_i_vote", slug=election.slug)
    context = {"election": election, "form": form, "heading": _("Name a delegate to vote")}
    return render(request, "elections/delegate.html", context)


def ballot(request: HttpRequest, slug: str, contest_id: int) -> HttpResponse:
    election = election_or_404(request, slug)
    contest = get_object_or_404(
        Contest.objects.select_related("seat"), pk=contest_id, election=election
    )
    user = signed_in_user(request)
    answer = selectors.voting_rights(user, election)
    allowed = [
        r.organisation.pk
        for r in answer.rights
        if r.elector is not None and contest in r.contests_left
    ]
    if election.state != Election.State.VOTING:
        messages.error(request, _("Voting is not open for this election."))
        return redirect(election)
    if not allowed:
        return render(
            request,
            "elections/cannot_vote.html",
            {"election": election, "contest": contest, "answer": answer},
            status=403,
        )
    candidates = list(selectors.candidates(contest))
    form = BallotForm(
        request.POST or None,
        method=election.method,
        candidates=candidates,
        places=contest.places,
        organisations=Organisation.objects.filter(pk__in=allowed).order_by("name"),
    )
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            receipt = services.ballot_cast(
                contest=contest,
                organisation=form.cleaned_data["organisation"],
                choices=form.choices,
                by=user,
            )
        if outcome.ok:
            return _receipt_page(request, election, contest, receipt)
    return render(
        request,
        "elections/ballot.html",
        {
            "election": election,
            "contest": contest,
            "form": form,
            "candidates": candidates,
            "heading": _("Vote: %(seat)s") % {"seat": contest.seat.name},
        },
    )
