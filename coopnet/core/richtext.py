"""Safe rich text (case studies, news, events): headings, paragraphs, lists, links, emphasis and
images, nothing else.

`sanitise(html)` keeps only the allow-list below (nh3, the Rust ammonia sanitiser), and gives the
plain text a search matches. Every image must carry alt text: `missing_alt(html)` finds those that
do not, and the forms refuse them.

An image shows only a file the site stores: its `src` must name a file under `MEDIA_URL` (uploads)
or `STATIC_URL` (the project's own assets), without `..`. Any other source (another server, a
`file:` URL, a path elsewhere on this server) is removed, as nh3 removes a source in a scheme it
does not allow: nothing is loaded, and the alt text stays (and is still checked).
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import unquote

import nh3
from django.conf import settings

TAGS = {
    "h2",
    "h3",
    "h4",
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "a",
    "strong",
    "em",
    "b",
    "i",
    "blockquote",
    "img",
    "figure",
    "figcaption",
}
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "width", "height"}}
URL_SCHEMES = {"http", "https", "mailto"}
BLOCKS = {"h2", "h3", "h4", "p", "li", "blockquote", "figcaption", "br", "ul", "ol", "figure"}
# What each kept tag looks like on the page (GOV.UK Frontend classes).
CLASSES = {
    "h2": "govuk-heading-m",
    "h3": "govuk-heading-s",
    "h4": "govuk-heading-s",
    "p": "govuk-body",
    "ul": "govuk-list govuk-list--bullet",
    "ol": "govuk-list govuk-list--number",
    "a": "govuk-link",
    "blockquote": "govuk-inset-text",
}


@dataclass(frozen=True)
class RichText:
    html: str
    text: str


def stored_file(src: str) -> bool:
    """Whether `src` names a file the site stores (an upload or one of the project's assets)."""
    for prefix in (settings.MEDIA_URL, settings.STATIC_URL):
        if prefix and src.startswith(prefix):
            name = unquote(src[len(prefix) :].split("#", 1)[0].split("?", 1)[0])
            parts = name.split("/")
            return not ("\\" in name or "\x00" in name or any(p in ("", ".", "..") for p in parts))
    return False


def _attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src" and not stored_file(value.strip()):
        return None
    return value


def sanitise(raw: str) -> RichText:
    cleaned = nh3.clean(
        raw or "",
        tags=TAGS,
        attributes=ATTRIBUTES,
        attribute_filter=_attribute,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()
    return RichText(html=_with_classes(cleaned), text=plain_text(cleaned))


def _with_classes(cleaned: str) -> str:
    """Add the GOV.UK class to each opening tag (the sanitiser has removed any other class)."""

    def add(match: re.Match[str]) -> str:
        tag = match.group(1)
        return f'<{tag} class="{CLASSES[tag]}"{match.group(2) or ""}>'

    return _OPENING.sub(add, cleaned)


_OPENING = re.compile(r"<(" + "|".join(sorted(CLASSES, key=len, reverse=True)) + r")(\s[^>]*)?>")


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.images_without_alt = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self.parts.append("\n")
        if tag == "img" and not (dict(attrs).get("alt") or "").strip():
            self.images_without_alt += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _read(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader


def plain_text(html: str) -> str:
    text = htmllib.unescape("".join(_read(html).parts))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def missing_alt(html: str) -> int:
    """How many images in the text have no alt text."""
    return _read(html).images_without_alt
