from __future__ import annotations

from dataclasses import asdict

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from coopnet.accounts.requests import signed_in_user
from coopnet.core.caching import cache_public_page, lazily
from coopnet.core.confirmation import confirm_form, confirmation_page
from coopnet.core.errors import reported
from coopnet.core.guard import require
from coopnet.core.panels import panels_for
from coopnet.core.periods import current_on_q

from . import selectors, services
from .forms import ContactForm, DirectoryFilterForm, OrganisationProfileForm
from .joining.forms import NoticeForm
from .models import Organisation, Role

PAGE_SIZE = 25


class CountedPaginator(Paginator):
    """A paginator told its count, so the count query can be cached."""

    def __init__(self, object_list: QuerySet[Organisation], per_page: int, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self) -> int:
        return self.known_count


@login_not_required
@cache_public_page
def directory(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET or None)
    filters = selectors.DirectoryFilters()
    if form.is_bound and form.is_valid():
        filters = selectors.DirectoryFilters(**form.cleaned_data)
    today = timezone.localdate()
    paginator = CountedPaginator(
        selectors.directory(filters, today),
        PAGE_SIZE,
        count=selectors.directory_count_cached(filters, today),
    )
    page = paginator.get_page(request.GET.get("page"))
    active = {k: v for k, v in asdict(filters).items() if v}
    return render(
        request,
        "members/directory.html",
        {"form": form, "page_obj": page, "filters_active": bool(active), "today": today},
    )


@login_not_required
@cache_public_page
def organisation(request: HttpRequest, slug: str) -> HttpResponse:
    public_only = not request.user.has_perm("members.manage_registry")
    try:
        org = selectors.organisation_by_slug(slug, public_only=public_only)
    except Organisation.DoesNotExist as exc:
        raise Http404(_("No organisation has that address.")) from exc
    # Sections other apps add to the page (knowledge: case studies), see core.panels.
    panels = panels_for("organisation", request, organisation=org)
    # The page, with its membership history and people, is read only when its part for everyone
    # (keyed by what this viewer may do and the sections shown) is not remembered.
    reads = lazily(shown=lambda: selectors.with_page_details(org, timezone.localdate()))
    reads |= lazily(
        current=lambda: getattr(reads["shown"], "current_membership", None),
        public_roles=lambda: getattr(reads["shown"], "public_roles", []),
    )
    return render(
        request,
        "members/organisation.html",
        {
            "organisation": org,
            "can_edit": request.user.has_perm("members.edit_organisation", org),
            "can_read_audit": request.user.has_perm("members.read_audit_trail", org),
            "can_read_leaving_reason": request.user.has_perm("members.read_leaving_reason", org),
            "panels": panels,
            "panel_names": ",".join(panel.name for panel in panels),
            **reads,
        },
    )


def _editable(request: HttpRequest, slug: str) -> Organisation:
    org = get_object_or_404(Organisation, slug=slug)
    require(request.user, "members.edit_organisation", org)
    return org


def edit_profile(request: HttpRequest, slug: str) -> HttpResponse:
    org = _editable(request, slug)
    initial = asdict(services.OrganisationProfile.of(org))
    initial["shown"] = OrganisationProfileForm.sign(dict(initial))
    form = OrganisationProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        shown = form.shown_values()
        with reported(form) as outcome:
            services.organisation_update_profile(
                organisation=org,
                by=signed_in_user(request),
                profile=services.OrganisationProfile.from_form(form.cleaned_data),
                shown=services.OrganisationProfile.from_form(shown) if shown else None,
            )
        if outcome.ok:
            messages.success(
                request, _("The profile of %(name)s has been saved.") % {"name": org.name}
            )
            return redirect(org)
        # Refused: what is saved now is what the next attempt starts from.
        org.refresh_from_db()
        data = request.POST.copy()
        data["shown"] = OrganisationProfileForm.sign(asdict(services.OrganisationProfile.of(org)))
        form.data = data
    return render(
        request,
        "members/edit_profile.html",
        {"organisation": org, "form": form, "heading": _("Edit profile")},
    )


def contacts(request: HttpRequest, slug: str) -> HttpResponse:
    org = _editable(request, slug)
    return render(
        request,
        "members/contacts.html",
        {"organisation": org, "roles": selectors.organisation_contacts(org)},
    )


def contact_add(request: HttpRequest, slug: str) -> HttpResponse:
    org = _editable(request, slug)
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.contact_add(
            organisation=org,
            by=signed_in_user(request),
            contact=services.ContactDetails.from_form(form.cleaned_data),
        )
        messages.success(
            request, _("%(name)s has been added.") % {"name": form.cleaned_data["full_name"]}
        )
        return redirect("members:contacts", slug=org.slug)
    return render(
        request,
        "members/contact_form.html",
        {"organisation": org, "form": form, "heading": _("Add a contact")},
    )


def _role(org: Organisation, role_id: int) -> Role:
    return get_object_or_404(Role.objects.select_related("person"), pk=role_id, organisation=org)


def contact_edit(request: HttpRequest, slug: str, role_id: int) -> HttpResponse:
    org = _editable(request, slug)
    role = _role(org, role_id)
    person = role.person
    form = ContactForm(request.POST or None, initial=asdict(services.ContactDetails.of(role)))
    if request.method == "POST" and form.is_valid():
        services.contact_update(
            role=role,
            by=signed_in_user(request),
            contact=services.ContactDetails.from_form(form.cleaned_data),
        )
        messages.success(request, _("%(name)s has been updated.") % {"name": person.full_name})
        return redirect("members:contacts", slug=org.slug)
    return render(
        request,
        "members/contact_form.html",
        {"organisation": org, "form": form, "heading": _("Change a contact")},
    )


def contact_end(request: HttpRequest, slug: str, role_id: int) -> HttpResponse:
    """End a person's role at the organisation today, once confirmed on this page."""
    org = _editable(request, slug)
    role = _role(org, role_id)
    back = reverse("members:contacts", args=[org.slug])
    if role.end is not None:
        messages.info(request, _("This role has already ended."))
        return redirect(back)
    form = confirm_form(request)
    if form.is_valid():
        with reported(request) as outcome:
            services.contact_end(role=role, by=signed_in_user(request), on=timezone.localdate())
        if outcome.ok:
            messages.success(
                request, _("%(name)s no longer holds that role.") % {"name": role.person.full_name}
            )
        return redirect(back)
    today = date_format(timezone.localdate(), "j F Y")
    warnings = []
    if role.person.user_id is not None and role.person.user_id == request.user.pk:
        warnings.append(
            _(
                "This is your own role. Once it ends you may no longer be able to look after "
                "%(organisation)s."
            )
            % {"organisation": org.name}
        )
    return confirmation_page(
        request,
        form,
        heading=_("End %(name)s’s role") % {"name": role.person.full_name},
        caption=org.name,
        action=_("End role"),
        cancel_url=back,
        consequences=[
            _("%(name)s will no longer be %(role)s at %(organisation)s from %(date)s.")
            % {
                "name": role.person.full_name,
                "role": role.get_kind_display(),
                "organisation": org.name,
                "date": today,
            },
            _("The role stays in the organisation’s history."),
        ],
        warnings=warnings,
    )


def give_notice(request: HttpRequest, slug: str) -> HttpResponse:
    org = get_object_or_404(Organisation, slug=slug)
    require(request.user, "members.give_notice", org)
    today = timezone.localdate()
    membership = org.memberships.filter(current_on_q(today)).select_related("category").first()
    form = NoticeForm(request.POST if request.method == "POST" else None)
    if membership is not None and request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            ended = services.membership_give_notice(
                membership=membership,
                by=signed_in_user(request),
                reason=form.cleaned_data["reason"],
            )
        if outcome.ok:
            messages.success(
                request,
                _("Notice has been given. The membership of %(name)s ends on %(date)s.")
                % {"name": org.name, "date": date_format(ended.end or today, "j F Y")},
            )
            return redirect(org)
    return render(
        request,
        "members/give_notice.html",
        {
            "organisation": org,
            "membership": membership,
            "form": form,
            "ends_on": services.leaving_date(today),
        },
    )
