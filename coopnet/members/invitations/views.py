from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from coopnet.accounts.models import Invitation
from coopnet.accounts.requests import signed_in_user
from coopnet.accounts.roles import UserRole, grants_staff_access
from coopnet.core.confirmation import confirm_form, confirmation_page
from coopnet.core.errors import reported
from coopnet.core.guard import require

from . import services
from .forms import AcceptInvitationForm, InvitationForm


def _confirm_staff_access(request: HttpRequest, form: InvitationForm) -> HttpResponse | None:
    """A role with admin or finance powers is confirmed on a page of its own; None once it is
    (or when the role needs no confirmation)."""
    data = form.cleaned_data
    if not grants_staff_access(data["role"]):
        return None
    confirmation = confirm_form(request)
    if confirmation.is_valid():
        return None
    role = UserRole(data["role"]).label
    organisation = data.get("organisation")
    return confirmation_page(
        request,
        confirmation,
        heading=_("Give %(name)s the %(role)s role?") % {"name": data["full_name"], "role": role},
        caption=_("Invite someone"),
        action=_("Yes, send the invitation"),
        cancel_url=reverse("accounts:invite"),
        consequences=[
            _("An invitation will be sent to %(email)s.") % {"email": data["email"]},
            _("The %(role)s role gives a staff account with the network's admin or finance powers.")
            % {"role": role},
        ],
        hidden={
            "full_name": data["full_name"],
            "email": data["email"],
            "role": data["role"],
            "organisation": organisation.pk if organisation else "",
        },
        destructive=False,
    )


def invite(request: HttpRequest) -> HttpResponse:
    require(request.user, "accounts.invite_people")
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        unconfirmed = _confirm_staff_access(request, form)
        if unconfirmed is not None:
            return unconfirmed
        with reported(form) as outcome:
            services.invitation_create(**form.cleaned_data, by=signed_in_user(request))
        if outcome.ok:
            messages.success(
                request, _("An invitation has been sent to %(email)s.") % form.cleaned_data
            )
            return redirect("accounts:invite")
    return render(request, "accounts/invite.html", {"form": form})


@login_not_required
def accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = get_object_or_404(Invitation.objects.select_related("organisation"), token=token)
    if not invitation.is_open:
        return render(
            request, "accounts/invitation_closed.html", {"invitation": invitation}, status=410
        )
    form = AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with reported(form) as outcome:
            user = services.invitation_accept(
                invitation=invitation, password=form.cleaned_data["password1"]
            )
        if outcome.ok:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Your account is ready. Welcome."))
            return redirect("site:dashboard")
    return render(request, "accounts/accept.html", {"form": form, "invitation": invitation})
