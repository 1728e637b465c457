from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils import translation

from coopnet.core.mail import chosen_languages


class AccountAdapter(DefaultAccountAdapter):
    """Accounts come by invitation (staff invite people; an approved application invites its
    contacts), so open sign-up is off unless `ACCOUNT_ALLOW_SIGNUP` turns it on. Staff roles come
    only by invitation either way."""

    def is_open_for_signup(self, request):
        return bool(getattr(settings, "ACCOUNT_ALLOW_SIGNUP", False))

    def send_mail(self, template_prefix, email, context):
        """allauth's emails (password reset, address confirmation) in the language the person
        chose for emails; without a choice, in the language of the page they were using."""
        language = chosen_languages([email]).get(email) or translation.get_language()
        with translation.override(language):
            return super().send_mail(template_prefix, email, context)
