from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils import translation

from coopnet.core.mail import chosen_languages

from .known_devices import consume_device_attempt, is_known_device, remember_device


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

    def pre_authenticate(self, request, **credentials):
        """A browser that has signed in to this account before is counted apart from everyone
        else (known_devices.py): others' failures do not lock it out."""
        email = credentials.get("email", "")
        if not is_known_device(request, email):
            return super().pre_authenticate(request, **credentials)
        self._login_failed_rl_usage = consume_device_attempt(request, email)
        if not self._login_failed_rl_usage:
            raise self.validation_error("too_many_login_attempts")
        return None

    def post_login(self, request, user, **kwargs):
        response = super().post_login(request, user, **kwargs)
        remember_device(request, response, user)
        return response
