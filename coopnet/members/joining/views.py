"""The public "Join the network" journey. The link's token is the applicant's key; no account."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from coopnet.core.errors import reported

from ..models import Application
from . import forms, selectors, services, welcome
from ._http import posted
from .framework import describe, framework


def _application(token: str) -> Application:
    try:
        return selectors.for_applicant(token)
    except Application.DoesNotExist as exc:
        raise Http404(_("No application has that link. Check the link in your email.")) from exc


DraftView = Callable[..., HttpResponse]


def draft_page(view: DraftView) -> Callable[..., HttpResponse]:
    """A public page of a draft: the view gets the application; once sent, back to its status."""

    @login_not_required
    @wraps(view)
    def wrapped(request: HttpRequest, token: str, **kwargs: Any) -> HttpResponse:
        application = _application(token)
        if not application.is_editable:
            messages.info(
                request, _("This application has been sent and can no longer be changed.")
            )
            return redirect("joining:task_list", token=token)
        return view(request, application, **kwargs)

    return wrapped


def _question_page(
    request: HttpRequest,
    application: Application,
    form: Form,
    *,
    heading: str,
    caption: str = "",
    extra: dict[str, Any] | None = None,
    template: str = "joining/question.html",
) -> HttpResponse:
    context = {
        "application": application,
        "form": form,
        "heading": heading,
        "caption": caption,
        **(extra or {}),
    }
    return render(request, template, context)


def _saved(request: HttpRequest, application: Application) -> HttpResponse:
    if "save_and_return" in request.POST:
        messages.success(
            request,
            _("Your answers have been saved. Use the link we emailed you to come back to them."),
        )
    return redirect("joining:task_list", token=application.token)


@login_not_required
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "joining/start.html", {})


@login_not_required
def new(request: HttpRequest) -> HttpResponse:
    form = forms.StartForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        application = services.application_start(
            applicant_type=data["applicant_type"],
            applicant=services.ApplicantAnswers.from_form(data),
        )
        messages.success(
            request,
            _("We have emailed a link to %(email)s so you can come back to your application.")
            % {"email": application.applicant_email},
        )
        return redirect("joining:task_list", token=application.token)
    return render(
        request, "joining/new.html", {"form": form, "heading": _("Start your application")}
    )


@login_not_required
def resume(request: HttpRequest) -> HttpResponse:
    form = forms.ResumeForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.application_resend_links(email=form.cleaned_data["email"])
        return render(request, "joining/resume_sent.html", {"email": form.cleaned_data["email"]})
    return render(
        request, "joining/resume.html", {"form": form, "heading": _("Continue your application")}
    )


@login_not_required
def task_list(request: HttpRequest, token: str) -> HttpResponse:
    application = _application(token)
    if not application.is_editable:
        return render(
            request,
            "joining/status.html",
            {"application": application, "answer_form": forms.AnswerForm()},
        )
    answered = len(application.assessments.all())
    sections = selectors.sections(application, answered)
    for section in sections:
        args: list[object] = [token]
        if section.url_name == "joining:principle":
            args.append(min(answered + 1, selectors.network_principles().count()))
        section.url = reverse(section.url_name, args=args)
    return render(
        request,
        "joining/task_list.html",
        {
            "application": application,
            "sections": sections,
            "answered": answered,
            "principle_count": selectors.network_principles().count(),
            "ready": all(s.done for s in sections if s.needed),
        },
    )


@draft_page
def applicant(request: HttpRequest, application: Application) -> HttpResponse:
    initial = {f: getattr(application, f) for f in services.APPLICANT_FIELDS}
    form = forms.ApplicantForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        services.application_update_applicant(
            application=application,
            applicant=services.ApplicantAnswers.from_form(form.cleaned_data),
        )
        return _saved(request, application)
    return _question_page(request, application, form, heading=_("About you"))


@draft_page
def organisation(request: HttpRequest, application: Application) -> HttpResponse:
    if application.is_individual:
        raise Http404(_("An individual supporter has no organisation to describe."))
    initial = {f: getattr(application, f) for f in services.ORGANISATION_FIELDS}
    initial["category"] = application.category
    form = forms.organisation_form(application, posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.application_set_organisation(
                application=application,
                organisation=services.OrganisationAnswers.from_form(form.cleaned_data),
            )
        if outcome.ok:
            return _saved(request, application)
    return _question_page(request, application, form, heading=_("The organisation"))


@draft_page
def contacts(request: HttpRequest, application: Application) -> HttpResponse:
    if application.is_individual:
        raise Http404(_("An individual supporter is their own contact."))
    initial = {f: getattr(application, f) for f in services.CONTACT_FIELDS}
    form = forms.ContactsForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        services.application_set_contacts(
            application=application,
            contacts=services.ContactAnswers.from_form(form.cleaned_data),
        )
        return _saved(request, application)
    return _question_page(
        request,
        application,
        form,
        heading=_("Contacts"),
        extra={
            "intro": _(
                "The invoice contact receives the membership invoice. The voting contact votes "
                "for you in the network's elections. One person may be both."
            )
        },
    )


@draft_page
def principle(request: HttpRequest, application: Application, number: int) -> HttpResponse:
    principles = list(selectors.network_principles())
    if not 1 <= number <= len(principles):
        raise Http404(_("There is no principle with that number."))
    current = principles[number - 1]
    answer = next((a for a in application.assessments.all() if a.principle_id == current.pk), None)
    initial = {"rating": answer.rating, "statement": answer.statement} if answer else {}
    current_framework = framework()
    criterion = current_framework.criterion_for(current.pk) if current_framework else None
    form = forms.PrincipleForm(posted(request), initial=initial, criterion=criterion)
    if request.method == "POST" and form.is_valid():
        services.application_assess(application=application, principle=current, **form.cleaned_data)
        if number < len(principles) and "save_and_return" not in request.POST:
            return redirect("joining:principle", token=application.token, number=number + 1)
        return _saved(request, application)
    return _question_page(
        request,
        application,
        form,
        heading=_(current.name),
        caption=_("Principle %(number)s of %(count)s")
        % {"number": number, "count": len(principles)},
        extra={"principle": current},
    )


@draft_page
def check(request: HttpRequest, application: Application) -> HttpResponse:
    describe(list(application.assessments.all()))
    form = forms.DeclarationForm(posted(request))
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.application_submit(application=application)
        if outcome.ok:
            return redirect("joining:task_list", token=application.token)
    return _question_page(
        request,
        application,
        form,
        heading=_("Check your answers before sending your application"),
        template="joining/check.html",
    )


@login_not_required
def answer(request: HttpRequest, token: str) -> HttpResponse:
    application = _application(token)
    form = forms.AnswerForm(posted(request))
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            services.application_answer(application=application, text=form.cleaned_data["text"])
        if outcome.ok:
            messages.success(request, _("Your answer has been sent to the network."))
            return redirect("joining:task_list", token=token)
    if application.status != Application.Status.MORE_INFORMATION:
        messages.info(request, _("The network has not asked for more information."))
        return redirect("joining:task_list", token=token)
    return _question_page(
        request,
        application,
        form,
        heading=_("Answer the network's question"),
        caption=application.display_name,
        template="joining/answer.html",
    )


@login_not_required
def application_welcome_pdf(request: HttpRequest, token: str) -> HttpResponse:
    application = get_object_or_404(
        Application.objects.select_related("organisation", "membership__category"),
        token=token,
        status=Application.Status.APPROVED,
    )
    pack = welcome.welcome_pack_for_application(application)
    return welcome.pdf_response(pack)
