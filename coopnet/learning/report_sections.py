"""Learning's section of the network's reports (`coopnet.core.reports`): for the welcome pack, the
training programmes offered now and the induction every new member follows."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from coopnet.core.reports import WELCOME, Section, register_section

from . import selectors


def welcome_learning_section(year: int) -> Section | None:
    programmes = list(selectors.programmes())
    phases = selectors.induction_phases()
    if not programmes and not phases:
        return None
    return Section(
        context={
            "programmes": programmes,
            "certified": sum(1 for p in programmes if p.certified),
            "phases": phases,
        },
        printed={
            "programmes": [
                f"{p.title} ({p.provider}{', certified' if p.certified else ''})"
                for p in programmes
            ],
            "induction-phases": phases,
        },
    )


def register() -> None:
    register_section(
        WELCOME,
        "learning",
        order=50,
        title=_("Training and induction"),
        build=welcome_learning_section,
        template="learning/report_sections/welcome_learning.html",
    )
