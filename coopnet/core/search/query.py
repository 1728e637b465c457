"""What a visitor typed, turned into the same safe query for every engine.

Words are ANDed; text in double quotes is a phrase; hyphenated or apostrophised words
("co-operative", "council's") are phrases too. Only letters and digits survive: quotes,
operators (AND, OR, NOT, NEAR, *, -, ^, :, parentheses) and anything else the engines read as
syntax become plain words or separators, so nothing a visitor types is ever read as query syntax.
Accents are folded ("café" finds "cafe") and English stop words are dropped outside phrases
(PostgreSQL's 'english' configuration drops them; FTS5 would otherwise demand them).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_QUERY_CHARS = 200
MAX_WORDS = 12
WORD = re.compile(r"[^\W_]+")

# PostgreSQL's english.stop (Snowball's English stop words), so both engines ignore the same words.
STOP_WORDS = frozenset(
    """
    i me my myself we our ours ourselves you your yours yourself yourselves he him his
    himself she her hers herself it its itself they them their theirs themselves what which
    who whom this that these those am is are was were be been being have has had having do
    does did doing a an the and but if or because as until while of at by for with about
    against between into through during before after above below to from up down in out on
    off over under again further then once here there when where why how all any both each
    few more most other some such no nor not only own same so than too very s t can will
    just don should now
    """.split(),  # noqa: SIM905
)


def fold(text: str) -> str:
    """Lower case without accents: what both engines compare."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _trim_stop_words(words: list[str]) -> list[str]:
    while words and words[0] in STOP_WORDS:
        words.pop(0)
    while words and words[-1] in STOP_WORDS:
        words.pop()
    return words


@dataclass(frozen=True)
class SearchQuery:
    words: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.words and not self.phrases

    def match_expression(self) -> str:
        """Every word and phrase double-quoted (FTS5 strings; websearch_to_tsquery phrases).

        Both FTS5 MATCH and websearch_to_tsquery read this the same way: quoted parts ANDed.
        The parts hold only letters, digits and spaces, so the quoting cannot be broken.
        """
        parts = [f'"{word}"' for word in self.words]
        parts += ['"' + " ".join(phrase) + '"' for phrase in self.phrases]
        return " ".join(parts)

    def key(self) -> str:
        return self.match_expression()


def _add(words: list[str], phrases: list[tuple[str, ...]], tokens: list[str]) -> None:
    tokens = _trim_stop_words(tokens)
    if len(tokens) == 1:
        if tokens[0] not in words:
            words.append(tokens[0])
    elif tokens and tuple(tokens) not in phrases:
        phrases.append(tuple(tokens))


def parse(text: str | None) -> SearchQuery:
    """The SearchQuery for what was typed (at most MAX_QUERY_CHARS characters, MAX_WORDS words)."""
    parts = fold(text or "")[:MAX_QUERY_CHARS].split('"')
    balanced = len(parts) % 2 == 1
    words: list[str] = []
    phrases: list[tuple[str, ...]] = []
    budget = MAX_WORDS
    for index, part in enumerate(parts):
        quoted = index % 2 == 1 and (balanced or index != len(parts) - 1)
        chunks = [part] if quoted else part.split()
        for chunk in chunks:
            tokens = WORD.findall(chunk)[:budget]
            budget -= len(tokens)
            _add(words, phrases, tokens)
            if budget <= 0:
                return SearchQuery(tuple(words), tuple(phrases))
    return SearchQuery(tuple(words), tuple(phrases))
