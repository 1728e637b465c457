"""`demo_accounts`: the demo sign-ins, one per access role, with their password."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from coopnet.accounts.models import User
from coopnet.accounts.roles import UserRole
from coopnet.demo.loader import password_from_environment, stored_password
from coopnet.demo.seed import DEMO_ACCOUNTS
from coopnet.demo.seed.accounts import LOGIN_URL, PASSWORD_ENV


def password_shown() -> str:
    if password_from_environment():
        return _("set by %(variable)s") % {"variable": PASSWORD_ENV}
    return stored_password() or _("not set yet: run load_demo")


def table(rows: list[tuple[str, str, str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return [line.rstrip() for line in lines]


class Command(BaseCommand):
    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        self.help = _("Print the demo accounts, one per access role, and how to sign in.")
        return super().create_parser(prog_name, subcommand, **kwargs)

    def handle(self, *args: Any, **options: Any) -> None:
        password = password_shown()
        emails = [account.email for account in DEMO_ACCOUNTS]
        active = User.objects.filter(email__in=emails, is_active=True)
        existing = set(active.values_list("email", flat=True))
        rows = [(_("Role"), _("Email"), _("Password"))]
        missing = False
        for account in DEMO_ACCOUNTS:
            email = account.email
            if email not in existing:
                email, missing = _("%(email)s (not created yet)") % {"email": email}, True
            rows.append((str(UserRole(account.role).label), email, password))
        self.stdout.write(_("Demo accounts"))
        self.stdout.write("\n".join(table(rows)))
        self.stdout.write(_("Sign in at %(url)s") % {"url": LOGIN_URL})
        if missing:
            self.stdout.write(_("Run “python manage.py load_demo” to create the missing accounts."))
