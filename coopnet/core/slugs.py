"""Slugs for records with a public address: unique, readable, stable once given."""

from __future__ import annotations

from django.db.models import Model
from django.utils.text import slugify


def unique_slug(
    model: type[Model],
    text: str,
    *,
    field: str = "slug",
    exclude_pk: int | None = None,
    max_length: int = 100,
    fallback: str = "item",
) -> str:
    """`text` slugified, with "-2", "-3" ... added until no other `model` row has it."""
    base = slugify(text)[:max_length] or fallback
    manager = model._default_manager
    others = manager.exclude(pk=exclude_pk) if exclude_pk else manager.all()
    slug, n = base, 2
    while others.filter(**{field: slug}).exists():
        suffix = f"-{n}"
        slug, n = base[: max_length - len(suffix)] + suffix, n + 1
    return slug
