"""Back-office saves of membership periods go through the registry's service.

The admin forms already check the rules; the service checks them again with the holder's row
locked, so a period recorded by someone else in the meantime is refused with a message instead of
overlapping.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.forms import BaseModelFormSet, ModelForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from coopnet.accounts.requests import signed_in_user

from . import services
from .errors import MembersError
from .models import Membership


class MembershipWritesThroughService:
    """For ModelAdmins that save Membership rows directly or in an inline."""

    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm, change: bool) -> None:
        if isinstance(obj, Membership):
            services.membership_save(membership=obj, by=signed_in_user(request))
        else:
            super().save_model(request, obj, form, change)  # type: ignore[misc]

    def save_formset(
        self, request: HttpRequest, form: ModelForm, formset: BaseModelFormSet, change: bool
    ) -> None:
        if formset.model is not Membership:
            super().save_formset(request, form, formset, change)  # type: ignore[misc]
            return
        for membership in formset.save(commit=False):
            services.membership_save(membership=membership, by=signed_in_user(request))
        for deleted in formset.deleted_objects:
            deleted.delete()

    def changeform_view(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return super().changeform_view(request, *args, **kwargs)  # type: ignore[misc]
        except MembersError as exc:  # the whole save was rolled back
            messages.error(request, str(exc))
            return HttpResponseRedirect(request.get_full_path())
