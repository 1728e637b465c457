"""The knowledge hub's rich text is the project's one sanitiser, `coopnet.core.richtext`."""

from coopnet.core.richtext import (
    ATTRIBUTES,
    BLOCKS,
    CLASSES,
    TAGS,
    URL_SCHEMES,
    RichText,
    missing_alt,
    plain_text,
    sanitise,
)

__all__ = [
    "ATTRIBUTES",
    "BLOCKS",
    "CLASSES",
    "TAGS",
    "URL_SCHEMES",
    "RichText",
    "missing_alt",
    "plain_text",
    "sanitise",
]
