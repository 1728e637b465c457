"""Forms of networks, discussions and the newsletter (GOV.UK markup via coopnet.core.forms)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coopnet.core.forms import GovukForm

from .models import Group, GroupMembership, Newsletter

NOTIFY_CHOICES = GroupMembership.Notify.choices

# The exact words a subscriber agrees to; the wording is stored with their consent.
CONSENT_WORDING = _(
    "I would like to receive the network's newsletter by email. I can unsubscribe at any time "
    "with the link in every email."
)


class JoinForm(GovukForm):
    accept_rules = forms.BooleanField(
        label=_("I accept the group's rules of engagement"), required=False
    )
    visible = forms.BooleanField(
        label=_("Show my name in the group's list of members"), required=False
    )
    notify = forms.ChoiceField(
        label=_("Emails about the group's discussions"),
        choices=NOTIFY_CHOICES,
        initial=GroupMembership.Notify.DAILY_DIGEST,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, group: Group, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.group = group
        if not group.rules_text:
            del self.fields["accept_rules"]

    def accepted_rules_version(self) -> int | None:
        if self.cleaned_data.get("accept_rules"):
            return self.group.rules_version
        return None


class PreferencesForm(GovukForm):
    notify = forms.ChoiceField(
        label=_("Emails about the group's discussions"),
        choices=NOTIFY_CHOICES,
        widget=forms.RadioSelect,
    )
    visible = forms.BooleanField(
        label=_("Show my name in the group's list of members"), required=False
    )


class ThreadForm(GovukForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(label=_("Message"), max_length=10000, widget=forms.Textarea)


class ReplyForm(GovukForm):
    body = forms.CharField(label=_("Your reply"), max_length=10000, widget=forms.Textarea)


class ReasonForm(GovukForm):
    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=forms.Textarea)


class SignupForm(GovukForm):
    email = forms.EmailField(label=_("Email address"), max_length=254)
    name = forms.CharField(label=_("Your name (optional)"), max_length=200, required=False)
    consent = forms.BooleanField(label=CONSENT_WORDING, required=True)


class NewsletterForm(GovukForm):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(
        label=_("Message"),
        max_length=50000,
        widget=forms.Textarea(attrs={"rows": 15}),
        help_text=_("Plain text. An unsubscribe link is added to every email."),
    )
    segment = forms.ChoiceField(
        label=_("Who is it for?"), choices=Newsletter.Segment.choices, widget=forms.RadioSelect
    )
    group = forms.ModelChoiceField(
        label=_("Group (when it is for a group's members)"),
        queryset=Group.objects.order_by("name"),
        required=False,
    )


class TestSendForm(GovukForm):
    email = forms.EmailField(label=_("Send a test to"), max_length=254)


class BounceForm(GovukForm):
    email = forms.EmailField(label=_("Email address that bounced"), max_length=254)
    reason = forms.CharField(label=_("Bounce message"), max_length=300, required=False)
