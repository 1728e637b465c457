"""Discussions inside a group: the threads, a thread with its replies, moderation, reports."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coopnet.core.errors import reported
from coopnet.core.guard import allowed, require

from .. import selectors, services
from ..forms import ReasonForm, ReplyForm, ThreadForm
from ..models import PostReport, Thread
from .common import group_or_404, post_or_404


def _members_only(request: HttpRequest, group) -> None:
    require(
        request.user,
        "engagement.view_discussions",
        group,
        message=_("The group's discussions are for its members."),
    )


def thread_list(request: HttpRequest, slug: str) -> HttpResponse:
    group = group_or_404(slug)
    _members_only(request, group)
    can_moderate = allowed(request.user, "engagement.moderate_group", group)
    return render(
        request,
        "engagement/thread_list.html",
        {
            "group": group,
            "threads": selectors.threads_of(group, include_hidden=can_moderate),
            "can_post": allowed(request.user, "engagement.post_in_group", group),
            "can_moderate": can_moderate,
        },
    )


def thread_new(request: HttpRequest, slug: str) -> HttpResponse:
    group = group_or_404(slug)
    require(
        request.user,
        "engagement.post_in_group",
        group,
        message=_("Only the group's members may post in its discussions."),
    )
    form = ThreadForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            thread = services.thread_start(
                group=group,
                by=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
            )
        if outcome.ok:
            return redirect(thread)
    return render(
        request,
        "engagement/thread_new.html",
        {"group": group, "form": form, "heading": _("Start a discussion")},
    )


def thread_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    group = group_or_404(slug)
    _members_only(request, group)
    try:
        thread = selectors.thread_detail(group, pk)
    except Thread.DoesNotExist as exc:
        raise Http404 from exc
    can_moderate = allowed(request.user, "engagement.moderate_group", group)
    if thread.is_hidden and not can_moderate:
        raise Http404
    can_post = allowed(request.user, "engagement.post_in_group", group)
    form = ReplyForm(request.POST or None)
    if request.method == "POST":
        require(
            request.user,
            "engagement.post_in_group",
            group,
            message=_("Only the group's members may post in its discussions."),
        )
        if form.is_valid():
            with reported(form) as outcome:
                services.reply_post(thread=thread, by=request.user, body=form.cleaned_data["body"])
            if outcome.ok:
                messages.success(request, _("Your reply has been posted."))
                return redirect(thread)
    return render(
        request,
        "engagement/thread_detail.html",
        {
            "group": group,
            "thread": thread,
            "posts": selectors.posts_of(thread),
            "form": form,
            "can_post": can_post and not thread.is_locked,
            "can_moderate": can_moderate,
        },
    )


@require_POST
def thread_lock(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    group = group_or_404(slug)
    require(request.user, "engagement.moderate_group", group)
    try:
        thread = selectors.thread_detail(group, pk)
    except Thread.DoesNotExist as exc:
        raise Http404 from exc
    locked = request.POST.get("locked", "1") == "1"
    services.thread_lock(thread=thread, by=request.user, locked=locked)
    messages.success(
        request, _("The discussion is locked.") if locked else _("The discussion is open again.")
    )
    return redirect(thread)


def post_hide(request: HttpRequest, pk: int) -> HttpResponse:
    post = post_or_404(pk)
    group = post.thread.group
    require(request.user, "engagement.moderate_group", group)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.post_hide(post=post, by=request.user, reason=form.cleaned_data["reason"])
        if outcome.ok:
            messages.success(request, _("The post is hidden."))
            return redirect(post.thread)
    return render(
        request,
        "engagement/post_hide.html",
        {"group": group, "post": post, "form": form, "heading": _("Hide this post")},
    )


def post_report(request: HttpRequest, pk: int) -> HttpResponse:
    post = post_or_404(pk)
    group = post.thread.group
    _members_only(request, group)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.post_report(post=post, by=request.user, reason=form.cleaned_data["reason"])
        if outcome.ok:
            messages.success(request, _("Thank you. The group's coordinators have been told."))
            return redirect(post.thread)
    return render(
        request,
        "engagement/post_report.html",
        {"group": group, "post": post, "form": form, "heading": _("Report this post")},
    )


def _report_form(report: PostReport, data=None) -> ReasonForm:
    form = ReasonForm(data, prefix=f"report-{report.pk}")
    form.fields["reason"].label = _("Why you are closing the report")
    form.fields["reason"].widget.attrs["rows"] = 2
    return form


def moderation(request: HttpRequest, slug: str) -> HttpResponse:
    """The coordinators' page: open reports on the group's posts (hide the post, or close the
    report saying why) and the reports closed lately."""
    group = group_or_404(slug)
    require(request.user, "engagement.moderate_group", group)
    return render(
        request,
        "engagement/moderation.html",
        {
            "group": group,
            "reports": [(r, _report_form(r)) for r in selectors.open_reports(group)],
            "closed": selectors.closed_reports(group),
        },
    )


@require_POST
def report_close(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    group = group_or_404(slug)
    require(request.user, "engagement.moderate_group", group)
    try:
        report = selectors.report_of(group, pk)
    except PostReport.DoesNotExist as exc:
        raise Http404 from exc
    form = _report_form(report, request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the report is closed."))
        return redirect("engagement:moderation", slug=group.slug)
    with reported(request) as outcome:
        services.report_close(
            report=report, by=request.user, resolution=form.cleaned_data["reason"]
        )
    if outcome.ok:
        messages.success(request, _("The report is closed."))
    return redirect("engagement:moderation", slug=group.slug)


def thread_hide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Hide a whole discussion (with a reason), or show a hidden one again (POST show=1)."""
    group = group_or_404(slug)
    require(request.user, "engagement.moderate_group", group)
    try:
        thread = selectors.thread_detail(group, pk)
    except Thread.DoesNotExist as exc:
        raise Http404 from exc
    if request.method == "POST" and request.POST.get("show") == "1":
        services.thread_hide(thread=thread, by=request.user, hidden=False)
        messages.success(request, _("The discussion is shown again."))
        return redirect(thread)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.thread_hide(thread=thread, by=request.user, reason=form.cleaned_data["reason"])
        if outcome.ok:
            messages.success(request, _("The discussion is hidden."))
            return redirect("engagement:threads", slug=group.slug)
    return render(
        request,
        "engagement/thread_hide.html",
        {"group": group, "thread": thread, "form": form, "heading": _("Hide this discussion")},
    )
