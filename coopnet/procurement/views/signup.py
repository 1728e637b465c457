"""A supplier new to the registry applies without signing in (see services.supplier_sign_up)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from coopnet.core.errors import reported

from .. import selectors, services
from ..forms import NewSupplierForm
from .public import _arrangement


@login_not_required
def new_supplier(request: HttpRequest, slug: str) -> HttpResponse:
    if request.user.is_authenticated:
        # A signed-in person applies for an organisation they manage, on the usual form.
        return redirect("procurement:apply", slug=slug)
    arrangement = _arrangement(slug)
    form = NewSupplierForm(request.POST or None, categories=selectors.categories_for(arrangement))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with reported(form) as outcome:
            services.supplier_sign_up(
                arrangement=arrangement,
                supplier=services.NewSupplier(
                    name=data["name"],
                    companies_house_number=data["companies_house_number"],
                    website=data["website"],
                    contact_name=data["contact_name"],
                    contact_email=data["contact_email"],
                    contact_job_title=data["contact_job_title"],
                ),
                categories=list(data["categories"]),
                answers=form.answers(),
                declarations=form.declarations(),
            )
        if outcome.ok:
            request.session["procurement_signed_up"] = data["contact_email"]
            return redirect("procurement:new_supplier_sent", slug=arrangement.slug)
    return render(
        request,
        "procurement/new_supplier.html",
        {
            "arrangement": arrangement,
            "form": form,
            "heading": _("Apply as a supplier new to the network"),
            "sign_in": reverse("account_login") + "?next=" + arrangement.get_absolute_url(),
        },
    )


@login_not_required
def new_supplier_sent(request: HttpRequest, slug: str) -> HttpResponse:
    arrangement = _arrangement(slug)
    return render(
        request,
        "procurement/new_supplier_sent.html",
        {"arrangement": arrangement, "email": request.session.get("procurement_signed_up", "")},
    )
