"""Minutes: read (published to everyone, drafts to the bodies' members, attendees and staff),
drafted, circulated, commented on, approved and published."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from coopnet.accounts.requests import signed_in_user
from coopnet.core.guard import refusal
from coopnet.core.pdf import pdf_response, render_pdf

from .. import selectors, services
from ..forms import ApproveForm, CommentForm, MinutesForm
from ..models import Meeting
from .common import MANAGE, attempt_message, form_page, managed_meeting, require
from .meetings import _meeting_or_404


def _readable(request: HttpRequest, pk: int) -> tuple[Meeting, bool] | HttpResponse:
    m = _meeting_or_404(pk)
    insider = request.user.has_perm("governance.view_meeting_papers", m)
    if not insider and not m.minutes.is_published:
        return refusal(request)
    return m, insider


def _context(m: Meeting, insider: bool) -> dict:
    return {
        "meeting": m,
        "minutes": m.minutes,
        "insider": insider,
        "quorum": selectors.quorum_check(m),
        "present": [a for a in m.attendances.all() if a.status == "present"],
        "apologies": [a for a in m.attendances.all() if a.status == "apologies"],
    }


@login_not_required
def minutes(request: HttpRequest, pk: int) -> HttpResponse:
    readable = _readable(request, pk)
    if isinstance(readable, HttpResponse):
        return readable
    m, insider = readable
    user = request.user
    return render(
        request,
        "governance/minutes.html",
        {
            **_context(m, insider),
            "can_manage": user.has_perm(MANAGE),
            "can_comment": m.minutes.status == "circulated"
            and user.has_perm("governance.comment_on_minutes", m),
            "comment_form": CommentForm(),
            "approve_form": ApproveForm(items=selectors.later_items_approving(m)),
        },
    )


@login_not_required
def minutes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    readable = _readable(request, pk)
    if isinstance(readable, HttpResponse):
        return readable
    m, insider = readable
    pdf = render_pdf("governance/minutes_pdf.html", _context(m, insider))
    return pdf_response(pdf, f"minutes-{m.pk}.pdf")


def minutes_edit(request: HttpRequest, pk: int) -> HttpResponse:
    managed_meeting(request, pk)
    m = selectors.meeting_for_page(pk)
    form = MinutesForm(
        request.POST or None,
        items=list(m.agenda_items.all()),
        initial={"summary": m.minutes.summary},
    )
    return form_page(
        request,
        form,
        lambda data: services.minutes_save(
            meeting=m,
            summary=data["summary"],
            item_minutes=form.item_minutes(),
            by=signed_in_user(request),
        ),
        done=_("The minutes have been saved."),
        then=reverse("governance:minutes", kwargs={"pk": m.pk}),
        heading=_("Write the minutes"),
        caption=m,
        cancel=m,
        submit=_("Save minutes"),
    )


def _circulated_to(m: Meeting) -> str:
    """Who the draft went to, by name; or that it went to nobody, and why."""
    people = selectors.minutes_recipients(m)
    if not people:
        return _(
            "The minutes are out for comment, but nobody was emailed: none of those recorded "
            "as present has an email address."
        )
    return ngettext(
        "The draft minutes have been emailed for comment to %(names)s.",
        "The draft minutes have been emailed for comment to %(count)s people: %(names)s.",
        len(people),
    ) % {"count": len(people), "names": get_text_list([p.display_name for p in people], _("and"))}


@require_POST
def minutes_circulate(request: HttpRequest, pk: int) -> HttpResponse:
    m = managed_meeting(request, pk)
    attempt_message(
        request,
        lambda: services.minutes_circulate(meeting=m, by=signed_in_user(request)),
        lambda _minutes: _circulated_to(m),
    )
    return redirect("governance:minutes", pk=m.pk)


@require_POST
def minutes_comment(request: HttpRequest, pk: int) -> HttpResponse:
    m = _meeting_or_404(pk)
    require(request, "governance.comment_on_minutes", m)
    form = CommentForm(request.POST)
    if form.is_valid():
        attempt_message(
            request,
            lambda: services.minutes_comment(
                meeting=m, text=form.cleaned_data["text"], by=signed_in_user(request)
            ),
            _("Your comment has been recorded."),
        )
    else:
        messages.error(request, _("Write your comment."))
    return redirect("governance:minutes", pk=m.pk)


@require_POST
def minutes_approve(request: HttpRequest, pk: int) -> HttpResponse:
    m = managed_meeting(request, pk)
    form = ApproveForm(request.POST, items=selectors.later_items_approving(m))
    if not form.is_valid():
        messages.error(
            request,
            _("Add an item approving these minutes to the agenda of a later meeting first."),
        )
        return redirect("governance:minutes", pk=m.pk)
    attempt_message(
        request,
        lambda: services.minutes_approve(
            meeting=m, at_item=form.cleaned_data["at_item"], by=signed_in_user(request)
        ),
        _("The minutes are recorded as approved."),
    )
    return redirect("governance:minutes", pk=m.pk)


@require_POST
def minutes_publish(request: HttpRequest, pk: int) -> HttpResponse:
    m = managed_meeting(request, pk)
    attempt_message(
        request,
        lambda: services.minutes_publish(meeting=m, by=signed_in_user(request)),
        _("The minutes have been published."),
    )
    return redirect("governance:minutes", pk=m.pk)
