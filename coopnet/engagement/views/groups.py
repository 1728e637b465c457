"""Groups: the list, a group's page, joining (accepting the rules), leaving, requests."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coopnet.core.errors import reported
from coopnet.core.guard import allowed, require
from coopnet.core.panels import panels_for

from .. import selectors, services
from ..forms import JoinForm, PreferencesForm
from ..models import Group, GroupMembership
from .common import group_or_404


@login_not_required
def group_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    person = selectors.person_of(request.user)
    mine = {m.group_id for m in selectors.groups_of(person, on=today)}
    return render(
        request,
        "engagement/group_list.html",
        {
            "groups": selectors.groups_listed(on=today),
            "kinds": Group.Kind,
            "mine": mine,
            # Only staff may; asking costs queries, so ask only for staff.
            "can_manage_newsletter": request.user.is_staff
            and allowed(request.user, "engagement.manage_newsletter"),
        },
    )


@login_not_required
def group_detail(request: HttpRequest, slug: str) -> HttpResponse:
    group = group_or_404(slug)
    today = timezone.localdate()
    user = request.user
    person = selectors.person_of(user)
    membership = selectors.open_membership(group, person)
    is_member = membership is not None and membership.is_active
    signed_in = user.is_authenticated
    return render(
        request,
        "engagement/group_detail.html",
        {
            "group": group,
            "membership": membership,
            "is_member": is_member,
            "members": selectors.visible_members(group, on=today) if signed_in else [],
            "member_count": selectors.active_member_count(group, on=today),
            "can_join": signed_in
            and membership is None
            and allowed(user, "engagement.join_group", group),
            "can_view_discussions": signed_in
            and allowed(user, "engagement.view_discussions", group),
            "can_moderate": signed_in and allowed(user, "engagement.moderate_group", group),
            # other apps' sections of the page, e.g. the group's events (coopnet.core.panels)
            "panels": panels_for("group", request, group=group),
        },
    )


def group_join(request: HttpRequest, slug: str) -> HttpResponse:
    group = group_or_404(slug)
    require(
        request.user,
        "engagement.join_group",
        group,
        message=_("You are not eligible for this group."),
    )
    form = JoinForm(request.POST or None, group=group)
    if request.method == "POST" and form.is_valid():
        service = services.group_request if group.asks_for_approval else services.group_join
        with reported(form) as outcome:
            membership = service(
                group=group,
                by=request.user,
                accepted_rules_version=form.accepted_rules_version(),
                visible=form.cleaned_data["visible"],
                notify=form.cleaned_data["notify"],
            )
        if outcome.ok:
            if membership.is_active:
                messages.success(request, _("You have joined %(group)s.") % {"group": group})
            else:
                messages.success(
                    request,
                    _("You have asked to join %(group)s. A coordinator will reply.")
                    % {"group": group},
                )
            return redirect(group)
    heading = (_("Ask to join %(group)s") if group.asks_for_approval else _("Join %(group)s")) % {
        "group": group
    }
    return render(
        request,
        "engagement/group_join.html",
        {"group": group, "form": form, "heading": heading},
    )


@require_POST
def rules_accept(request: HttpRequest, slug: str) -> HttpResponse:
    group = group_or_404(slug)
    membership = selectors.open_membership(group, selectors.person_of(request.user))
    if membership is None:
        raise Http404
    version = group.rules_version if request.POST.get("accept_rules") else None
    with reported(request) as outcome:
        services.rules_accept(
            membership=membership, by=request.user, accepted_rules_version=version
        )
    if outcome.ok:
        messages.success(request, _("Thank you: you have accepted the new rules."))
    return redirect(group)


@require_POST
def group_leave(request: HttpRequest, slug: str) -> HttpResponse:
    group = group_or_404(slug)
    with reported(request) as outcome:
        services.group_leave(group=group, by=request.user)
    if outcome.ok:
        messages.success(request, _("You have left %(group)s.") % {"group": group})
    return redirect(group)


def group_preferences(request: HttpRequest, slug: str) -> HttpResponse:
    group = group_or_404(slug)
    membership = selectors.open_membership(group, selectors.person_of(request.user))
    if membership is None or not membership.is_active:
        require(request.user, "engagement.post_in_group", group)
        raise Http404
    form = PreferencesForm(
        request.POST or None,
        initial={"notify": membership.notify, "visible": membership.visible_in_list},
    )
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.membership_preferences_set(
                membership=membership,
                by=request.user,
                notify=form.cleaned_data["notify"],
                visible=form.cleaned_data["visible"],
            )
        if outcome.ok:
            messages.success(request, _("Your choices have been saved."))
            return redirect(group)
    return render(
        request,
        "engagement/group_preferences.html",
        {"group": group, "form": form, "heading": _("Your emails and listing")},
    )


def group_requests(request: HttpRequest, slug: str) -> HttpResponse:
    group = group_or_404(slug)
    require(request.user, "engagement.moderate_group", group)
    return render(
        request,
        "engagement/group_requests.html",
        {"group": group, "requests": selectors.join_requests(group)},
    )


@require_POST
def group_request_decide(request: HttpRequest, slug: str, pk: int, decision: str) -> HttpResponse:
    group = group_or_404(slug)
    require(request.user, "engagement.moderate_group", group)
    membership = GroupMembership.objects.filter(group=group, pk=pk).select_related("person").first()
    if membership is None or decision not in ("approve", "decline"):
        raise Http404
    service = services.group_approve if decision == "approve" else services.group_decline
    with reported(request) as outcome:
        service(membership=membership, by=request.user)
    if outcome.ok:
        text = (
            _("%(person)s is now a member.")
            if decision == "approve"
            else _("The request from %(person)s was declined.")
        )
        messages.success(request, text % {"person": membership.person})
    return redirect("engagement:requests", slug=group.slug)
