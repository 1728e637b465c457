"""The newsletter: public sign-up, confirmation, unsubscribing; staff compose, test and send."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from coopnet.core.errors import reported
from coopnet.core.guard import require

from .. import mail, selectors, services
from ..forms import CONSENT_WORDING, BounceForm, NewsletterForm, SignupForm, TestSendForm
from ..models import Newsletter


@login_not_required
def signup(request: HttpRequest) -> HttpResponse:
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.subscriber_signup(
                email=form.cleaned_data["email"],
                name=form.cleaned_data["name"],
                source=_("Newsletter sign-up page (%(path)s)") % {"path": request.path},
                wording=str(CONSENT_WORDING),
            )
        if outcome.ok:
            return redirect("newsletter:signup_done")
    return render(
        request,
        "newsletter/signup.html",
        {"form": form, "heading": _("Sign up for the newsletter")},
    )


@login_not_required
def signup_done(request: HttpRequest) -> HttpResponse:
    return render(request, "newsletter/signup_done.html")


@login_not_required
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks for a click (link scanners must not confirm for a person); POST confirms."""
    subscriber = mail.subscriber_for_confirm_token(token)
    if request.method == "POST" and subscriber is not None:
        with reported(request) as outcome:
            services.subscriber_confirm(token=token)
        if outcome.ok:
            return render(request, "newsletter/confirmed.html", {"subscriber": subscriber})
    return render(
        request,
        "newsletter/confirm.html",
        {"subscriber": subscriber},
        status=200 if subscriber is not None else 400,
    )


@csrf_exempt  # RFC 8058: mail providers POST "List-Unsubscribe=One-Click" with no CSRF token
@login_not_required
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    subscriber = mail.subscriber_for_unsubscribe_token(token)
    if subscriber is None:
        return render(request, "newsletter/unsubscribe.html", {"subscriber": None}, status=400)
    if request.method == "POST":
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        services.subscriber_unsubscribe(
            subscriber=subscriber, how="one-click" if one_click else "unsubscribe page"
        )
        return render(request, "newsletter/unsubscribed.html", {"subscriber": subscriber})
    return render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber})


def _staff(request: HttpRequest) -> None:
    require(request.user, "engagement.manage_newsletter")


def _issue(pk: int) -> Newsletter:
    try:
        return selectors.newsletters().get(pk=pk)
    except Newsletter.DoesNotExist as exc:
        raise Http404 from exc


def issue_list(request: HttpRequest) -> HttpResponse:
    _staff(request)
    return render(
        request,
        "newsletter/issue_list.html",
        {"issues": selectors.newsletters(), "counts": selectors.subscriber_counts()},
    )


def _save(
    request: HttpRequest, form: NewsletterForm, issue: Newsletter | None
) -> Newsletter | None:
    data = form.cleaned_data
    with reported(form) as outcome:
        if issue is None:
            issue = services.newsletter_create(
                by=request.user,
                subject=data["subject"],
                body=data["body"],
                segment=data["segment"],
                group=data["group"],
            )
        else:
            issue = services.newsletter_update(
                newsletter=issue,
                by=request.user,
                subject=data["subject"],
                body=data["body"],
                segment=data["segment"],
                group=data["group"],
            )
    return issue if outcome.ok else None


def issue_new(request: HttpRequest) -> HttpResponse:
    _staff(request)
    form = NewsletterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        issue = _save(request, form, None)
        if issue is not None:
            return redirect(issue)
    return render(
        request,
        "newsletter/issue_form.html",
        {"form": form, "issue": None, "heading": _("Write a newsletter")},
    )


def issue_edit(request: HttpRequest, pk: int) -> HttpResponse:
    _staff(request)
    issue = _issue(pk)
    if not issue.is_draft:
        messages.error(request, _("Only a draft can be changed."))
        return redirect(issue)
    initial = {
        "subject": issue.subject,
        "body": issue.body,
        "segment": issue.segment,
        "group": issue.group,
    }
    form = NewsletterForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = _save(request, form, issue)
        if saved is not None:
            return redirect(saved)
    return render(
        request,
        "newsletter/issue_form.html",
        {"form": form, "issue": issue, "heading": _("Change the newsletter")},
    )


def issue_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The preview: the message as subscribers will read it."""
    _staff(request)
    issue = _issue(pk)
    email = getattr(request.user, "email", "")
    preview = mail.newsletter_message(issue, to=email or "preview", token="preview")
    return render(
        request,
        "newsletter/issue_detail.html",
        {
            "issue": issue,
            "preview": preview,
            "test_form": TestSendForm(initial={"email": email}),
        },
    )


@require_POST
def issue_test(request: HttpRequest, pk: int) -> HttpResponse:
    _staff(request)
    issue = _issue(pk)
    form = TestSendForm(request.POST)
    if form.is_valid():
        with reported(request) as outcome:
            services.newsletter_send_test(
                newsletter=issue, by=request.user, email=form.cleaned_data["email"]
            )
        if outcome.ok:
            messages.success(
                request, _("A test was sent to %(email)s.") % {"email": form.cleaned_data["email"]}
            )
    else:
        messages.error(request, _("Enter an email address like name@example.org."))
    return redirect(issue)


def issue_send(request: HttpRequest, pk: int) -> HttpResponse:
    _staff(request)
    issue = _issue(pk)
    if request.method == "POST":
        with reported(request) as outcome:
            services.newsletter_send(newsletter=issue, by=request.user)
        if outcome.ok:
            return redirect("newsletter:progress", pk=issue.pk)
        return redirect(issue)
    return render(request, "newsletter/issue_send.html", {"issue": issue})


def issue_progress(request: HttpRequest, pk: int) -> HttpResponse:
    _staff(request)
    issue = _issue(pk)
    return render(
        request,
        "newsletter/issue_progress.html",
        {"issue": issue, "deliveries": selectors.deliveries_of(issue)[:200]},
    )


def bounce(request: HttpRequest) -> HttpResponse:
    _staff(request)
    form = BounceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.subscriber_bounce(
                email=form.cleaned_data["email"],
                by=request.user,
                reason=form.cleaned_data["reason"],
            )
        if outcome.ok:
            messages.success(request, _("No more newsletters will be sent to that address."))
            return redirect("newsletter:issues")
    return render(
        request, "newsletter/bounce.html", {"form": form, "heading": _("Record a bounce")}
    )
