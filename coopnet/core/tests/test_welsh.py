"""The Welsh catalogue is complete, keeps every placeholder, is compiled, and the pages use it."""

from __future__ import annotations

import ast
import html
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from coopnet.accounts import allauth_strings
from coopnet.core.principles import ICA_PRINCIPLES, NETWORK_PRINCIPLES
from coopnet.members.reference import CATEGORIES

LOCALE_DIR = Path(settings.LOCALE_PATHS[0]) / "cy" / "LC_MESSAGES"
PO_FILE = LOCALE_DIR / "django.po"
# The project catalogue, then one per app that keeps its own (coopnet/<app>/locale/).
APP_PO_FILES = (settings.BASE_DIR / "coopnet").glob("**/locale/cy/LC_MESSAGES/django.po")
PO_FILES = [PO_FILE, *sorted(path for path in APP_PO_FILES if path != PO_FILE)]
WELSH_PLURAL_FORMS = "nplurals=4; plural=(n==1) ? 0 : (n==2) ? 1 : (n != 8 && n != 11) ? 2 : 3;"
# Which plural form Django picks for these numbers (by WELSH_PLURAL_FORMS).
PLURAL_FORM_FOR = {1: 0, 2: 1, 3: 2, 8: 3}


@dataclass
class Entry:
    line: int
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int | None, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)


def parse_po(path: Path) -> list[Entry]:
    """The active entries of a .po file (obsolete #~ entries are skipped). Header first."""
    entries: list[Entry] = []
    current: Entry | None = None
    pending_flags: set[str] = set()
    target: tuple[str, int | None] | None = None
    keyword = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(".*")$')
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#~"):
            target = None
            continue
        if line.startswith("#,"):
            pending_flags |= {flag.strip() for flag in line[2:].split(",") if flag.strip()}
            continue
        if line.startswith("#"):
            continue
        match = keyword.match(line)
        if match:
            word, index, literal = match.groups()
            text = ast.literal_eval(literal)
            if word == "msgctxt" or (word == "msgid" and (current is None or current.msgstr)):
                current = Entry(line=number, flags=pending_flags)
                pending_flags = set()
                entries.append(current)
            assert current is not None, f"{path}:{number}: text before any msgid"
            if word == "msgstr":
                key = int(index) if index is not None else None
                current.msgstr[key] = text
                target = ("msgstr", key)
            else:
                setattr(current, word, text)
                target = (word, None)
            continue
        if line.startswith('"') and target is not None and current is not None:
            text = ast.literal_eval(line)
            name, key = target
            if name == "msgstr":
                current.msgstr[key] += text
            else:
                setattr(current, name, getattr(current, name) + text)
            continue
        raise AssertionError(f"{path}:{number}: cannot read {raw!r}")
    return entries


CATALOGUE = parse_po(PO_FILE)
HEADER, ENTRIES = CATALOGUE[0], CATALOGUE[1:]


def _app_entries() -> list[tuple[Path, Entry]]:
    return [(path, e) for path in PO_FILES for e in parse_po(path)[1:]]


# (file, entry) for every entry of every catalogue; the tests below check them all.
ALL_ENTRIES = _app_entries()

PYTHON_FORMAT = re.compile(r"%(?:\((?P<name>[^)]*)\))?[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]")
BRACE_FORMAT = re.compile(r"\{(\w*)\}")


def placeholders(text: str, entry: Entry) -> Counter[str]:
    """%-placeholders always (blocktranslate applies % to every translation), {name} if flagged."""
    found: Counter[str] = Counter()
    found.update(m.group(0) for m in PYTHON_FORMAT.finditer(text) if m.group(0) != "%%")
    if "python-brace-format" in entry.flags:
        found.update("{" + name + "}" for name in BRACE_FORMAT.findall(text))
    return found


def label(entry: Entry, path: Path = PO_FILE) -> str:
    return f"{path.relative_to(settings.BASE_DIR)}:{entry.line} {entry.msgid!r}"


@pytest.mark.parametrize("path", PO_FILES, ids=lambda p: str(p.relative_to(settings.BASE_DIR)))
def test_the_catalogue_is_welsh_with_four_plural_forms(path):
    header = parse_po(path)[0]
    headers = dict(line.split(": ", 1) for line in header.msgstr[None].splitlines() if ": " in line)
    assert header.msgid == ""
    assert "fuzzy" not in header.flags
    assert headers["Language"] == "cy"
    assert headers["Content-Type"] == "text/plain; charset=UTF-8"
    assert headers["Plural-Forms"] == WELSH_PLURAL_FORMS
    assert headers["Language-Team"].strip()


def test_every_entry_is_translated_and_none_is_fuzzy():
    assert len(ENTRIES) > 400
    assert len(ALL_ENTRIES) > 3000
    fuzzy = [label(e, p) for p, e in ALL_ENTRIES if "fuzzy" in e.flags]
    assert not fuzzy, f"fuzzy entries: {fuzzy}"
    untranslated = [
        label(e, p) for p, e in ALL_ENTRIES if not e.msgstr or not all(e.msgstr.values())
    ]
    assert not untranslated, f"untranslated entries: {untranslated}"


def test_every_plural_entry_has_all_four_welsh_forms():
    for path, entry in ALL_ENTRIES:
        if entry.msgid_plural is None:
            assert list(entry.msgstr) == [None], label(entry, path)
        else:
            assert sorted(entry.msgstr) == [0, 1, 2, 3], label(entry, path)


def test_every_translation_keeps_the_placeholders_of_its_msgid():
    for path, entry in ALL_ENTRIES:
        expected = placeholders(entry.msgid, entry)
        if entry.msgid_plural is not None:
            expected = expected | placeholders(entry.msgid_plural, entry)
        for form, text in entry.msgstr.items():
            where = f"{label(entry, path)} msgstr[{form}]: {text!r}"
            assert placeholders(text, entry) == expected, where
            # Markup and line breaks survive too.
            assert Counter(re.findall(r"</?\w+", text)) == Counter(
                re.findall(r"</?\w+", entry.msgid)
            ), f"{label(entry, path)}: HTML tags differ"
            assert text.count("\n") == entry.msgid.count("\n"), f"{label(entry, path)}: line breaks"


def test_undeclared_placeholders_are_not_left_in_a_msgid():
    """xgettext flags every msgid with %(name)s as python-format; one left unflagged is a bug."""
    for path, entry in ALL_ENTRIES:
        if re.search(r"%\(\w+\)[sd]", entry.msgid):
            assert "python-format" in entry.flags, label(entry, path)


def test_the_compiled_catalogue_matches_the_po_file():
    """django.mo is committed: it must be recompiled whenever django.po changes.

    Django merges the catalogues (the project's first): an app entry whose msgid the project
    catalogue also has must carry the same Welsh, or this fails too.
    """
    for path in PO_FILES:
        assert path.with_suffix(".mo").exists(), "run: python manage.py compilemessages"
    with translation.override("cy"):
        for path, entry in ALL_ENTRIES:
            if entry.msgid_plural is None:
                if entry.msgctxt is None:
                    got = translation.gettext(entry.msgid)
                else:
                    got = translation.pgettext(entry.msgctxt, entry.msgid)
                assert got == entry.msgstr[None], f"{label(entry, path)}: django.mo is stale"
                continue
            for n, form in PLURAL_FORM_FOR.items():
                got = translation.ngettext(entry.msgid, entry.msgid_plural, n)
                assert got == entry.msgstr[form], f"{label(entry, path)} n={n}: django.mo is stale"


def test_allauth_and_django_strings_are_translated():
    """Our catalogue carries Welsh for the strings of allauth (which has no Welsh catalogue)."""
    singular = {e.msgid: e for e in ENTRIES if e.msgid_plural is None}
    with translation.override("cy"):
        for msgid in allauth_strings.ALLAUTH_STRINGS:
            assert msgid in singular, f"{msgid!r} is missing: run makemessages"
            assert translation.gettext(msgid) == singular[msgid].msgstr[None]
            assert translation.gettext(msgid) != msgid
        assert translation.gettext("Password") == "Cyfrinair"
        assert translation.gettext("Remember Me") == "Cofio fi"
        assert translation.gettext("Forgot your password?") == "Wedi anghofio eich cyfrinair?"
        too_short = translation.ngettext(
            "This password is too short. It must contain at least %d character.",
            "This password is too short. It must contain at least %d characters.",
            8,
        )
        assert too_short % 8 == "Mae'r cyfrinair hwn yn rhy fyr. Rhaid iddo gynnwys o leiaf 8 nod."


def test_principle_and_category_names_are_translated():
    """These are marked with N_ (gettext_noop) and translated where they are shown."""
    names = [name for _, name, _summary in NETWORK_PRINCIPLES + ICA_PRINCIPLES]
    names += [summary for _, _name, summary in NETWORK_PRINCIPLES]
    names += [c["name"] for c in CATEGORIES] + [c["description"] for c in CATEGORIES]
    with translation.override("cy"):
        untranslated = [n for n in names if translation.gettext(n) == n]
    assert not untranslated, (
        f"no Welsh for {untranslated}: makemessages does not extract N_() strings, so they are "
        "kept by hand at the end of django.po; put them back there (or extract N_) and compile."
    )


@pytest.fixture(autouse=True)
def _language_is_put_back():
    """LocaleMiddleware leaves the request's language active in the thread: do not leak Welsh."""
    language = translation.get_language()
    yield
    if language:
        translation.activate(language)
    else:
        translation.deactivate()


@pytest.fixture
def welsh_client(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "cy"
    return client


def page_text(response) -> str:
    assert response.status_code == 200
    return html.unescape(response.content.decode())


@pytest.mark.django_db
def test_home_page_in_welsh(welsh_client, org_a):
    import re
    from datetime import date

    from coopnet.core.figures import set_coverage

    set_coverage("members-full", date(2000, 1, 1))  # the records are complete: counts show
    text = page_text(welsh_client.get(reverse("site:home"), HTTP_ACCEPT_LANGUAGE="cy"))
    words = " ".join(re.sub(r"<[^>]+>", " ", text).split())
    assert '<html lang="cy"' in text
    assert "Neidio i'r prif gynnwys" in text
    assert "Mewngofnodi" in text
    assert "Aelodau llawn" in text
    assert "1 cyngor" in words
    assert "Partneriaeth gymdeithasol" in text
    assert "newid iaith" in text
    assert "Skip to main content" not in text
    assert "Full members" not in text


@pytest.mark.django_db
def test_member_directory_in_welsh(welsh_client, org_a):
    text = page_text(welsh_client.get(reverse("members:directory")))
    assert '<html lang="cy"' in text
    assert "Neidio i'r prif gynnwys" in text
    assert "Cyfeiriadur aelodau" in text
    assert "1 aelod-sefydliad" in text
    assert "Llawn" in text  # the category name, translated where shown
    assert "Member directory" not in text


@pytest.mark.django_db
def test_accept_language_alone_selects_welsh(client):
    text = page_text(client.get(reverse("members:directory"), HTTP_ACCEPT_LANGUAGE="cy"))
    assert '<html lang="cy"' in text
    assert "Neidio i'r prif gynnwys" in text


@pytest.mark.django_db
def test_sign_in_page_and_its_error_in_welsh(welsh_client):
    text = page_text(welsh_client.get(reverse("account_login")))
    assert "Cyfeiriad e-bost" in text
    assert "Cyfrinair" in text
    response = welsh_client.post(
        reverse("account_login"), {"login": "nobody@example.org", "password": "wrong password"}
    )
    text = page_text(response)
    assert "Mae problem wedi codi" in text
    assert "Gwall:" in text
    assert "Mae'r cyfeiriad e-bost a/neu'r cyfrinair a roesoch yn anghywir." in text
