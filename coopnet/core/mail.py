"""The one place an email's text is rendered: subjects and plain-text bodies are not HTML.

A plain-text email shows `&#x27;` and `&amp;` literally, so its templates are rendered with
autoescaping off (a `{% autoescape %}` tag in a template is not needed and not relied on). The
subject is one line: any line breaks a template leaves are folded into spaces, so a value can
never start a new header.

    subject, body = render_email("finance/email/invoice", context)
    # renders finance/email/invoice_subject.txt and finance/email/invoice_message.txt

Each email is written in its reader's language: `letters()` groups the recipients by the
language they chose (an app registers how to find it: accounts for people who sign in, the
registry for its contacts) and renders one letter per language; an address nobody chose for is
written in the site's language (`LANGUAGE_CODE`), never in whatever language the sender's
request or the worker happened to be in.

    for letter in letters("funding/email/decision", context, recipients):
        send_mail(letter.subject, letter.body, None, letter.to)
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.template import Context
from django.template.loader import get_template
from django.utils import translation

# Given lower-cased addresses, the language code chosen by those it knows (others left out).
LanguageLookup = Callable[[Collection[str]], Mapping[str, str]]

_LOOKUPS: dict[str, LanguageLookup] = {}


def register_language_lookup(name: str, lookup: LanguageLookup) -> None:
    """Consulted in the order registered (an app's `ready()`); the first that knows an address
    wins. Registering a name again replaces it."""
    _LOOKUPS[name] = lookup


def chosen_languages(addresses: Iterable[str]) -> dict[str, str]:
    """The language chosen for each address whose person chose one (others left out)."""
    wanted = {address: address.strip().lower() for address in addresses if address}
    known: dict[str, str] = {}
    for lookup in _LOOKUPS.values():
        missing = {key for key in wanted.values() if key not in known}
        if not missing:
            break
        for key, language in lookup(missing).items():
            if language and key in missing:
                known.setdefault(key, language)
    return {address: known[key] for address, key in wanted.items() if key in known}


def languages_for(addresses: Iterable[str]) -> dict[str, str]:
    """Each address's language: the one its person chose, else the site's."""
    addresses = [address for address in addresses if address]
    chosen = chosen_languages(addresses)
    return {address: chosen.get(address, settings.LANGUAGE_CODE) for address in addresses}


def active_site_language() -> str:
    """The site language the current request is in (one of `LANGUAGES`), else the site's own."""
    active = translation.get_language() or ""
    codes = [code for code, _name in settings.LANGUAGES]
    if active in codes:
        return active
    return next(
        (code for code in codes if code.split("-")[0] == active.split("-")[0]),
        settings.LANGUAGE_CODE,
    )


def render_text(template_name: str, context: dict[str, Any]) -> str:
    """A plain-text template rendered without HTML escaping."""
    template = get_template(template_name)
    return template.template.render(Context(context, autoescape=False))  # type: ignore[attr-defined]


def render_subject(template_name: str, context: dict[str, Any]) -> str:
    return " ".join(render_text(template_name, context).split())


def render_email(
    prefix: str, context: dict[str, Any], language: str | None = None
) -> tuple[str, str]:
    """`(subject, body)` from `<prefix>_subject.txt` and `<prefix>_message.txt`, in `language`
    (the site's when not given)."""
    with translation.override(language or settings.LANGUAGE_CODE):
        return (
            render_subject(f"{prefix}_subject.txt", context),
            render_text(f"{prefix}_message.txt", context),
        )


@dataclass(frozen=True)
class Letter:
    """One email's text for the recipients who read the same language."""

    subject: str
    body: str
    to: list[str]
    language: str


def letters(prefix: str, context: dict[str, Any], recipients: Iterable[str]) -> list[Letter]:
    """The email rendered once per language its recipients chose, each with its recipients (in
    the order given); the site's language first."""
    by_language: dict[str, list[str]] = {}
    for address, language in languages_for(recipients).items():
        by_language.setdefault(language, []).append(address)
    ordered = sorted(by_language, key=lambda language: language != settings.LANGUAGE_CODE)
    return [
        Letter(
            *render_email(prefix, context, language), to=by_language[language], language=language
        )
        for language in ordered
    ]


def letter_to(prefix: str, context: dict[str, Any], address: str) -> Letter:
    """The email for one recipient, in their language."""
    (letter,) = letters(prefix, context, [address])
    return letter
