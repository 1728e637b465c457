from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    """Accounts come by invitation (staff invite people; an approved application invites its
    contacts), so open sign-up is off unless `ACCOUNT_ALLOW_SIGNUP` turns it on. Staff roles come
    only by invitation either way."""

    def is_open_for_signup(self, request):
        return bool(getattr(settings, "ACCOUNT_ALLOW_SIGNUP", False))
