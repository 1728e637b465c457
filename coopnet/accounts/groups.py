"""Keep one group per access role, carrying the model permissions in roles.ROLE_PERMISSIONS."""

from typing import Any

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from .roles import ROLE_PERMISSIONS, UserRole


def sync_role_groups(sender: Any = None, **kwargs: Any) -> None:
    for role in UserRole:
        group, _ = Group.objects.get_or_create(name=role.value)
        wanted = ROLE_PERMISSIONS.get(role, [])
        q = Q(pk__in=[])
        for perm in wanted:
            app_label, codename = perm.split(".")
            q |= Q(content_type__app_label=app_label, codename=codename)
        group.permissions.set(Permission.objects.filter(q))
