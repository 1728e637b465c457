"""Id lists as the database returns them ("3,5,8")."""

from __future__ import annotations


def id_list(text: str | None) -> list[int]:
    return [int(part) for part in text.split(",")] if text else []
