from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coopnet.core.forms import AutocompleteSelectMultiple, GovukForm
from coopnet.core.widgets import RichTextEditor
from coopnet.members.models import Organisation

from . import selectors
from .models import CaseStudy
from .richtext import TAGS, missing_alt, sanitise
from .services.case_studies import contact_problems_in
from .validators import validate_image, validate_pdf

FIRST_YEAR = 2000


class TranslatedNames(forms.ModelMultipleChoiceField):
    """Choices shown by their translated names (principles, themes, actions)."""

    def label_from_instance(self, obj: Any) -> str:
        return gettext(obj.name)


def _year_choices() -> list[tuple[str, str]]:
    return [(str(y), str(y)) for y in range(timezone.localdate().year + 1, FIRST_YEAR - 1, -1)]


class CaseStudyForm(GovukForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One or two sentences: shown in lists, search results and the pack."),
    )
    body = forms.CharField(
        label=_("The story"),
        required=False,
        widget=RichTextEditor(
            attrs={"rows": 16},
            hint=_(
                "What was done, with whom, and what changed. Use the buttons above the box for "
                "headings, lists, bold, italic and links. Add images after you save, in "
                "“Images, files and links”."
            ),
        ),
        help_text=_(
            "What was done, with whom, and what changed. You can use these HTML tags: "
            "%(tags)s. An image shows only if the site stores it: add it in “Images, files and "
            "links” after you save, and give it alt text, for example "
            '<img src="/media/..." alt="Volunteers planting the community orchard">.'
        )
        % {"tags": ", ".join(sorted(TAGS))},
    )
    lead_organisation = forms.ModelChoiceField(
        label=_("Lead member"), queryset=Organisation.objects.none()
    )
    participants = forms.ModelMultipleChoiceField(
        label=_("Participating members"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("Other organisations that took part, besides the lead member."),
        widget=AutocompleteSelectMultiple(search_label=_("Add a participating member")),
        error_messages=dict.fromkeys(
            ("invalid_choice", "invalid_pk_value"),
            _(
                "One of the participating members is not an organisation in the registry: "
                "choose them again from the list."
            ),
        ),
    )
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, choices=_year_choices)
    status = forms.ChoiceField(
        label=_("Status"), choices=CaseStudy.Status.choices, widget=forms.RadioSelect
    )
    principles = TranslatedNames(
        label=_("Principles met"),
        queryset=selectors.network_principles(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose at least one before submitting the case study for review."),
    )
    themes = TranslatedNames(
        label=_("Themes"),
        queryset=selectors.themes(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    actions = TranslatedNames(
        label=_("Being a Co-operative Council actions"),
        queryset=selectors.actions(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    contact_name = forms.CharField(label=_("Contact name"), max_length=200, required=False)
    contact_role = forms.CharField(label=_("Contact's job title"), max_length=200, required=False)
    contact_email = forms.EmailField(label=_("Contact email"), required=False)
    contact_consent = forms.BooleanField(
        label=_("The contact agrees to be named, and contacted, on the published case study"),
        required=False,
        help_text=_("Ask them first. We record when, and by whom, consent was given."),
    )
    slug = forms.SlugField(
        label=_("Address"),
        max_length=200,
        required=False,
        help_text=_(
            "The last part of the case study's web address. It stays the same when the title "
            "changes; if you change it here, the old address still leads to the case study."
        ),
    )

    def __init__(
        self,
        *args: Any,
        organisations: QuerySet[Organisation],
        may_change_address: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        lead = self.fields["lead_organisation"]
        assert isinstance(lead, forms.ModelChoiceField)
        lead.queryset = organisations
        participants = self.fields["participants"]
        assert isinstance(participants, forms.ModelMultipleChoiceField)
        participants.queryset = Organisation.objects.order_by("name")
        if not may_change_address:
            del self.fields["slug"]

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        if missing_alt(sanitise(body).html):
            raise forms.ValidationError(
                _('Every image in the story needs alt text: add alt="..." describing it.')
            )
        return body

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for field, problem in contact_problems_in(data).items():
            self.add_error(field, problem)
        return data


def case_study_initial(case_study: CaseStudy) -> dict[str, Any]:
    return {
        "title": case_study.title,
        "summary": case_study.summary,
        "body": case_study.body_html,
        "lead_organisation": case_study.lead_organisation_id,
        "participants": list(case_study.participants.all()),
        "year": case_study.year,
        "status": case_study.status,
        "principles": list(case_study.principles.all()),
        "themes": list(case_study.themes.all()),
        "actions": list(case_study.actions.all()),
        "contact_name": case_study.contact_name,
        "contact_role": case_study.contact_role,
        "contact_email": case_study.contact_email,
        "contact_consent": case_study.contact_consent,
        "slug": case_study.slug,
    }


class ImageForm(GovukForm):
    image = forms.ImageField(
        label=_("Image"),
        validators=[validate_image],
        help_text=_("A JPEG, PNG, GIF or WebP image."),
    )
    alt_text = forms.CharField(
        label=_("Alt text"),
        max_length=300,
        help_text=_("Describe the image for someone who cannot see it."),
    )
    caption = forms.CharField(label=_("Caption"), max_length=300, required=False)


class AttachmentForm(GovukForm):
    file = forms.FileField(label=_("File"), validators=[validate_pdf], help_text=_("A PDF."))
    title = forms.CharField(label=_("Title of the document"), max_length=200)


class LinkForm(GovukForm):
    title = forms.CharField(label=_("Link text"), max_length=200)
    url = forms.URLField(label=_("Web address"), max_length=500, assume_scheme="https")


class ModerationForm(GovukForm):
    DECISIONS = (("publish", _("Publish it")), ("return", _("Return it with comments")))

    decision = forms.ChoiceField(label=_("Decision"), choices=DECISIONS, widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("Comments for the member"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Required when returning: say what needs to change."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "return" and not (data.get("comment") or "").strip():
            self.add_error("comment", _("Say what needs to change before returning it."))
        return data


class UnpublishForm(GovukForm):
    comment = forms.CharField(
        label=_("Why it is being taken down"), widget=forms.Textarea(attrs={"rows": 4})
    )


class CaseStudyFilterForm(GovukForm):
    hide_optional = True

    q = forms.CharField(label=_("Title or summary contains"), required=False, max_length=100)
    principle = forms.ChoiceField(label=_("Principle"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    action = forms.ChoiceField(label=_("Being a Co-operative Council action"), required=False)
    member = forms.CharField(
        label=_("Member (address name)"), required=False, widget=forms.HiddenInput
    )
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        any_: list[tuple[Any, Any]] = [("", _("Any"))]
        choices: dict[str, list[tuple[Any, Any]]] = {
            "principle": [(p.slug, gettext(p.name)) for p in selectors.network_principles()],
            "theme": [(t.slug, gettext(t.name)) for t in selectors.themes()],
            "action": [(a.slug, gettext(a.name)) for a in selectors.actions()],
            "year": [(str(y), str(y)) for y in selectors.case_study_years()],
            "status": list(CaseStudy.Status.choices),
        }
        for name, options in choices.items():
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = any_ + options

    def filters(self) -> selectors.CaseStudyFilters:
        if not (self.is_bound and self.is_valid()):
            return selectors.CaseStudyFilters()
        return selectors.CaseStudyFilters(**self.cleaned_data)


class PackForm(GovukForm):
    title = forms.CharField(label=_("Title of the pack"), max_length=200)
    introduction = forms.CharField(
        label=_("Introduction"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Printed on the cover."),
    )
    case_studies = forms.ModelMultipleChoiceField(
        label=_("Case studies"),
        queryset=CaseStudy.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    use_filter = forms.BooleanField(
        label=_("Include every case study that matches the filter"), required=False
    )

    def __init__(self, *args: Any, choices: QuerySet[CaseStudy], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["case_studies"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = choices

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("use_filter") and not data.get("case_studies"):
            self.add_error(
                "case_studies",
                _("Choose at least one case study, or include every one that matches the filter."),
            )
        return data


class PublishPackForm(GovukForm):
    published_on = forms.DateField(
        label=_("Date of publication"),
        help_text=_("For example, 2024-07-31"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
    )
