from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coopnet.core.forms import GovukForm
from coopnet.governance.models import Seat
from coopnet.members.models import Organisation, Role

from .models import ELECTED_CONSTITUENCIES, Contest, Method, Nomination
from .services import ElectionDetails

DATETIME_HELP = _("For example, 2026-12-01 09:00")


class SeatChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Seat) -> str:
        return (
            f"{obj.body.short_name or obj.body.name}: {obj.name} ({obj.get_constituency_display()})"
        )


class ElectionForm(GovukForm):
    title = forms.CharField(
        label=_("Title"), max_length=200, help_text=_("For example, EOC elections 2026")
    )
    seats = SeatChoiceField(
        label=_("Seats to fill"),
        queryset=Seat.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Seats of one body, elected by Full, Associate or Affiliate members."),
    )
    method = forms.ChoiceField(
        label=_("Voting method"), choices=Method.choices, widget=forms.RadioSelect
    )
    term_start = forms.DateField(label=_("Term starts"), help_text=_("For example, 2027-01-01"))
    term_end = forms.DateField(label=_("Term ends"), required=False)
    nominations_open = forms.DateTimeField(label=_("Nominations open"), help_text=DATETIME_HELP)
    nominations_close = forms.DateTimeField(label=_("Nominations close"), help_text=DATETIME_HELP)
    voting_open = forms.DateTimeField(label=_("Voting opens"), help_text=DATETIME_HELP)
    voting_close = forms.DateTimeField(label=_("Voting closes"), help_text=DATETIME_HELP)
    count_at = forms.DateTimeField(label=_("Count"), required=False, help_text=DATETIME_HELP)
    results_at = forms.DateTimeField(
        label=_("Results published"), required=False, help_text=DATETIME_HELP
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        seats = self.fields["seats"]
        assert isinstance(seats, SeatChoiceField)
        seats.queryset = (
            Seat.objects.filter(constituency__in=ELECTED_CONSTITUENCIES)
            .select_related("body")
            .order_by("body__order", "body__name", "order", "pk")
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        seats = data.get("seats")
        if seats and len({s.body_id for s in seats}) > 1:
            self.add_error("seats", _("Choose seats of one body only."))
        return data

    def details(self) -> ElectionDetails:
        data = self.cleaned_data
        return ElectionDetails(
            title=data["title"],
            method=data["method"],
            term_start=data["term_start"],
            term_end=data.get("term_end"),
            nominations_open=data["nominations_open"],
            nominations_close=data["nominations_close"],
            voting_open=data["voting_open"],
            voting_close=data["voting_close"],
            count_at=data.get("count_at"),
            results_at=data.get("results_at"),
        )


class NomineeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Role) -> str:
        return f"{obj.person.display_name} ({obj.organisation.name})"


class ContestChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Contest) -> str:
        return str(obj.seat.name)


class NominationForm(GovukForm):
    contest = ContestChoiceField(
        label=_("Seat"), queryset=Contest.objects.none(), widget=forms.RadioSelect, empty_label=None
    )
    nominating_organisation = forms.ModelChoiceField(
        label=_("Nominating organisation"), queryset=Organisation.objects.none(), empty_label=None
    )
    nominee = NomineeChoiceField(
        label=_("Person nominated"),
        queryset=Role.objects.none(),
        help_text=_(
            "Anyone with a role at a member organisation of the seat's constituency. "
            "You may nominate yourself."
        ),
    )
    statement = forms.CharField(
        label=_("Statement in support"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=3000,
        help_text=_("Published with the list of candidates. Up to 3,000 characters."),
    )

    def __init__(
        self,
        *args: Any,
        contests: Any,
        organisations: Any,
        nominees: Any,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contest"].queryset = contests  # type: ignore[attr-defined]
        self.fields["nominating_organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["nominee"].queryset = nominees  # type: ignore[attr-defined]


class DelegationForm(GovukForm):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), empty_label=None
    )
    delegate = NomineeChoiceField(
        label=_("Person who will vote for the organisation"),
        queryset=Role.objects.none(),
        help_text=_("Someone with a current role at the organisation."),
    )

    def __init__(self, *args: Any, organisations: Any, roles: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        self.fields["delegate"].queryset = roles  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        org, role = data.get("organisation"), data.get("delegate")
        if org and role and role.organisation_id != org.pk:
            self.add_error("delegate", _("Choose someone from the organisation that delegates."))
        return data


class BallotForm(GovukForm):
    """First past the post: tick up to `places` candidates. STV: number them 1, 2, 3 ..."""

    organisation = forms.ModelChoiceField(
        label=_("Voting for"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
    )

    def __init__(
        self,
        *args: Any,
        method: str,
        candidates: list[Nomination],
        places: int,
        organisations: Any,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.method, self.candidates, self.places = method, candidates, places
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        if organisations.count() == 1:
            self.fields["organisation"].initial = organisations.first()
        if method == Method.FPTP:
            self.fields["marks"] = forms.MultipleChoiceField(
                label=_("Your choice"),
                choices=[
                    (str(n.pk), f"{n.person.display_name} ({n.organisation.name})")
                    for n in candidates
                ],
                widget=forms.CheckboxSelectMultiple,
                help_text=_("Choose up to %(n)s.") % {"n": places},
            )
        else:
            numbers = [("", "—")] + [(str(i), str(i)) for i in range(1, len(candidates) + 1)]
            for n in candidates:
                self.fields[f"rank_{n.pk}"] = forms.TypedChoiceField(
                    label=f"{n.person.display_name} ({n.organisation.name})",
                    choices=numbers,
                    coerce=int,
                    empty_value=None,
                    required=False,
                )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.method == Method.FPTP:
            marks = data.get("marks") or []
            if len(marks) > self.places:
                self.add_error("marks", _("Choose no more than %(n)s.") % {"n": self.places})
            self.choices = [int(m) for m in marks]
            return data
        ranks = {n.pk: data.get(f"rank_{n.pk}") for n in self.candidates}
        given = sorted((r, pk) for pk, r in ranks.items() if r is not None)
        numbers = [r for r, _pk in given]
        if not numbers:
            raise forms.ValidationError(
                _("Number at least one candidate: 1 for your first choice.")
            )
        if numbers != list(range(1, len(numbers) + 1)):
            raise forms.ValidationError(
                _("Number the candidates 1, 2, 3 and so on, without gaps or repeats.")
            )
        self.choices = [pk for _r, pk in given]
        return data


class ReceiptForm(GovukForm):
    code = forms.CharField(
        label=_("Receipt code"), max_length=24, help_text=_("For example, ABCD-EFGH-JKLM-NPQR")
    )
