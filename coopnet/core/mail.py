"""The one place an email's text is rendered: subjects and plain-text bodies are not HTML.

A plain-text email shows `&#x27;` and `&amp;` literally, so its templates are rendered with
autoescaping off (a `{% autoescape %}` tag in a template is not needed and not relied on). The
subject is one line: any line breaks a template leaves are folded into spaces, so a value can
never start a new header.

    subject, body = render_email("finance/email/invoice", context)
    # renders finance/email/invoice_subject.txt and finance/email/invoice_message.txt
"""

from __future__ import annotations

from typing import Any

from django.template import Context
from django.template.loader import get_template


def render_text(template_name: str, context: dict[str, Any]) -> str:
    """A plain-text template rendered without HTML escaping."""
    template = get_template(template_name)
    return template.template.render(Context(context, autoescape=False))  # type: ignore[attr-defined]


def render_subject(template_name: str, context: dict[str, Any]) -> str:
    return " ".join(render_text(template_name, context).split())


def render_email(prefix: str, context: dict[str, Any]) -> tuple[str, str]:
    """`(subject, body)` from `<prefix>_subject.txt` and `<prefix>_message.txt`."""
    return (
        render_subject(f"{prefix}_subject.txt", context),
        render_text(f"{prefix}_message.txt", context),
    )
