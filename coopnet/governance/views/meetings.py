"""Meetings: the public list and page, and staff pages for agenda, papers, attendance,
decisions and actions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from coopnet.accounts.requests import signed_in_user
from coopnet.core.files import serve
from coopnet.core.guard import refusal

from .. import selectors, services
from ..forms import (
    ActionDoneForm,
    ActionForm,
    AgendaItemForm,
    DecisionForm,
    MeetingAttendanceForm,
    MeetingForm,
    PaperForm,
)
from ..models import Action, AgendaItem, Body, Meeting, Paper
from .common import MANAGE, attempt, form_page, managed_meeting, require


def _meeting_or_404(pk: int) -> Meeting:
    try:
        return selectors.meeting_for_page(pk)
    except Meeting.DoesNotExist as exc:
        raise Http404(_("No meeting has that address.")) from exc


def _managed_item(request: HttpRequest, pk: int, item: int) -> tuple[Meeting, AgendaItem]:
    m = managed_meeting(request, pk)
    return m, get_object_or_404(AgendaItem, pk=item, meeting=m)


@login_not_required
def meetings(request: HttpRequest, slug: str) -> HttpResponse:
    body = get_object_or_404(Body, slug=slug)
    sees_all = request.user.has_perm(MANAGE) or request.user.has_perm(
        "governance.view_action_log", body
    )
    return render(
        request,
        "governance/meetings.html",
        {
            "body": body,
            "meetings": selectors.meetings(body=body, published_only=not sees_all),
            "sees_all": sees_all,
            "can_manage": request.user.has_perm(MANAGE),
        },
    )


@login_not_required
def meeting(request: HttpRequest, pk: int) -> HttpResponse:
    """A meeting's page. The public see it once its minutes are published (without confidential
    papers); members of its bodies, attendees and staff see it from the start."""
    m = _meeting_or_404(pk)
    insider = request.user.has_perm("governance.view_meeting_papers", m)
    if not insider and not m.minutes.is_published:
        return refusal(request)
    return render(
        request,
        "governance/meeting.html",
        {
            "meeting": m,
            "minutes": m.minutes,
            "insider": insider,
            "can_manage": request.user.has_perm(MANAGE),
            "quorum": selectors.quorum_check(m),
            "approving": selectors.later_items_approving(m).first(),
        },
    )


def meeting_create(request: HttpRequest) -> HttpResponse:
    require(request, MANAGE)
    return form_page(
        request,
        MeetingForm(request.POST or None),
        lambda data: services.meeting_save(**data, by=signed_in_user(request)),
        done=_("The meeting has been scheduled."),
        then=lambda m: m,
        heading=_("Schedule a meeting"),
        submit=_("Schedule meeting"),
    )


def agenda_item_add(request: HttpRequest, pk: int) -> HttpResponse:
    m = managed_meeting(request, pk)
    awaiting = selectors.earlier_meetings_awaiting_approval(m)
    return form_page(
        request,
        AgendaItemForm(request.POST or None, awaiting=awaiting),
        lambda data: services.agenda_item_add(meeting=m, **data, by=signed_in_user(request)),
        done=lambda item: _("Item %(n)s has been added.") % {"n": item.number},
        then=m,
        heading=_("Add an agenda item"),
        caption=m,
        cancel=m,
        submit=_("Add item"),
    )


def paper_add(request: HttpRequest, pk: int, item: int) -> HttpResponse:
    m, agenda_item = _managed_item(request, pk, item)
    return form_page(
        request,
        PaperForm(request.POST or None, request.FILES or None),
        lambda data: services.paper_add(
            agenda_item=agenda_item,
            title=data["title"],
            upload=data["file"],
            confidential=data["confidential"],
            by=signed_in_user(request),
        ),
        done=_("The paper has been added."),
        then=m,
        heading=_("Add a paper"),
        caption=agenda_item,
        cancel=m,
        multipart=True,
        submit=_("Upload paper"),
    )


@login_not_required
def paper(request: HttpRequest, pk: int) -> HttpResponseBase:
    p = get_object_or_404(Paper.objects.select_related("agenda_item__meeting__minutes"), pk=pk)
    return serve(request, p, "file", filename=f"paper-{p.pk}")


def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    """The whole meeting's attendance in one form."""
    m = managed_meeting(request, pk)
    form = MeetingAttendanceForm(
        request.POST if request.method == "POST" else None,
        people=list(selectors.meeting_people(m)),
        recorded=selectors.attendance_by_person(m),
    )
    return form_page(
        request,
        form,
        lambda data: services.attendance_record_all(
            meeting=m, entries=form.entries(), by=signed_in_user(request)
        ),
        done=lambda changed: (
            ngettext(
                "Attendance has been recorded: %(n)d change.",
                "Attendance has been recorded: %(n)d changes.",
                len(changed),
            )
            % {"n": len(changed)}
        ),
        then=reverse("governance:attendance", kwargs={"pk": m.pk}),
        template="governance/attendance.html",
        meeting=selectors.meeting_for_page(m.pk),
        quorum=selectors.quorum_check(m),
    )


def decision_add(request: HttpRequest, pk: int, item: int) -> HttpResponse:
    m, agenda_item = _managed_item(request, pk, item)
    return form_page(
        request,
        DecisionForm(request.POST or None),
        lambda data: services.decision_record(
            agenda_item=agenda_item, text=data["text"], by=signed_in_user(request)
        ),
        done=_("The decision has been recorded."),
        then=m,
        heading=_("Record a decision"),
        caption=agenda_item,
        cancel=m,
        submit=_("Record decision"),
    )


def action_add(request: HttpRequest, pk: int, item: int) -> HttpResponse:
    m, agenda_item = _managed_item(request, pk, item)
    return form_page(
        request,
        ActionForm(request.POST or None, people=selectors.meeting_people(m)),
        lambda data: services.action_record(
            agenda_item=agenda_item, **data, by=signed_in_user(request)
        ),
        done=_("The action has been recorded."),
        then=m,
        heading=_("Record an action"),
        caption=agenda_item,
        cancel=m,
        submit=_("Record action"),
    )


@require_POST
def action_done(request: HttpRequest, pk: int) -> HttpResponse:
    require(request, MANAGE)
    action = get_object_or_404(Action.objects.select_related("agenda_item__meeting"), pk=pk)
    form = ActionDoneForm(request.POST or {"on": timezone.localdate()})
    on = form.cleaned_data["on"] if form.is_valid() else timezone.localdate()
    done = attempt(
        form, lambda: services.action_complete(action=action, on=on, by=signed_in_user(request))
    )
    if done:
        messages.success(request, _("The action is marked done."))
    else:
        messages.error(request, " ".join(str(e) for e in form.non_field_errors()))
    body = action.agenda_item.meeting.bodies.order_by("order").first()
    return redirect("governance:actions", slug=body.slug) if body else redirect("governance:bodies")
