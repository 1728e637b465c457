"""Public pages: the list of elections, an election with its candidates and (once published) its
results, the result sheet as CSV and PDF, and the receipt check."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from coopnet.core import csvfiles
from coopnet.core.pdf import pdf_response

from .. import selectors
from ..forms import ReceiptForm
from ..models import Election
from ..results_sheet import contest_rows, result_sheet_pdf, stage_notes


def election_or_404(request: HttpRequest, slug: str, *, with_stages: bool = False) -> Election:
    try:
        election = selectors.election_for_page(slug, with_stages=with_stages)
    except Election.DoesNotExist as exc:
        raise Http404(_("No election has that address.")) from exc
    if not request.user.has_perm("elections.view_election", election):
        raise Http404(_("No election has that address."))
    return election


@login_not_required
def election_list(request: HttpRequest) -> HttpResponse:
    staff = request.user.has_perm("elections.manage")
    elections = selectors.elections_listing(include_drafts=staff)
    return render(request, "elections/list.html", {"elections": elections, "staff": staff})


@login_not_required
def election_detail(request: HttpRequest, slug: str) -> HttpResponse:
    election = election_or_404(request, slug, with_stages=True)
    results = election.results_public
    show_counts = results and not election.reported_only
    staff = request.user.has_perm("elections.manage")
    contests = [
        {
            "contest": contest,
            "candidates": [n for n in contest.nominations.all() if n.is_candidate],
            "rows": contest_rows(contest) if show_counts else None,
            "stages": stage_notes(contest, named=staff) if show_counts else None,
        }
        for contest in election.contests.all()
    ]
    mine = (
        selectors.nominations_for_user(request.user, election)
        if request.user.is_authenticated
        else []
    )
    return render(
        request,
        "elections/detail.html",
        {
            "election": election,
            "contests": contests,
            "results": results,
            "staff": staff,
            "my_nominations": mine,
        },
    )


def _published_or_404(request: HttpRequest, slug: str) -> Election:
    election = election_or_404(request, slug, with_stages=True)
    if not election.results_public:
        raise Http404(_("The results of this election have not been published."))
    return election


@login_not_required
def results_csv(request: HttpRequest, slug: str) -> HttpResponse:
    election = _published_or_404(request, slug)
    response = csvfiles.csv_response(f"{election.slug}-results.csv")
    writer = csvfiles.writer(response)
    writer.writerow(
        [_("Seat"), _("Candidate"), _("Organisation"), _("Outcome"), _("Votes at each stage")]
    )
    for contest in election.contests.all():
        for row in contest_rows(contest):
            writer.writerow(
                [
                    contest.seat.name,
                    row.nomination.person.public_label,
                    row.nomination.organisation.name,
                    row.nomination.get_outcome_display(),
                    " / ".join(row.totals),
                ]
            )
    return response


@login_not_required
def results_pdf(request: HttpRequest, slug: str) -> HttpResponse:
    election = _published_or_404(request, slug)
    return pdf_response(result_sheet_pdf(election, request), f"{election.slug}-results.pdf")


@login_not_required
def receipt_check(request: HttpRequest) -> HttpResponse:
    form = ReceiptForm(request.GET or None)
    ballot, checked = None, False
    if form.is_bound and form.is_valid():
        checked = True
        ballot = selectors.ballot_by_receipt(form.cleaned_data["code"])
    return render(
        request,
        "elections/receipt_check.html",
        {"form": form, "ballot": ballot, "checked": checked},
    )
