"""How templates name a person: through the one public-name rule on `Person`.

`{{ person|shown_name }}` prints the public label (the name if the person chose to be public,
otherwise that they have not chosen to be named); `{{ person|shown_name:can_manage }}` prints the
name in full when the reader may see every name.
"""

from __future__ import annotations

from django import template

from coopnet.members.models import Person

register = template.Library()


@register.filter
def shown_name(person: Person | None, named: bool = False) -> str:
    if person is None:
        return ""
    return person.name_shown(named=bool(named))
