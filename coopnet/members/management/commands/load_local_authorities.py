"""Reload the UK local-authority reference table (mySociety, CC BY 4.0) from members/data/."""

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext as _

from coopnet.members.models import LocalAuthority
from coopnet.members.reference import load_local_authorities


class Command(BaseCommand):
    help = _("Create or update the UK local authorities from the bundled reference table.")

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            count = load_local_authorities(LocalAuthority)
        self.stdout.write(_("%(count)d local authorities loaded.") % {"count": count})
