"""Month names in Welsh, spelt as Welsh speakers write them.

Django's own Welsh catalogue writes July as "Gorffenaf"; the network writes "Gorffennaf". The
project catalogue (`coopnet/locale/cy`) comes first in LOCALE_PATHS, so its month names win
wherever a date is shown (`|date:"j F Y"`, `date_format`). The names are listed here so the
catalogue keeps them.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop, pgettext_lazy

MONTHS = (
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
)
# The same names as Django asks for them in "alt. month" (`E`) and "abbrev. month" (`N`).
JULY_ALT = pgettext_lazy("alt. month", "July")
JULY_ABBREVIATED = pgettext_lazy("abbrev. month", "July")
