from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from coopnet.accounts.models import User

from ..errors import KnowledgeError
from ..models import NewsPost, Publication
from ..richtext import missing_alt, sanitise


def publication_record_download(*, publication: Publication) -> None:
    """Count one download: a single UPDATE ... SET n = n + 1, so concurrent downloads all count
    and the publication's history is not touched."""
    Publication.objects.filter(pk=publication.pk).update(download_count=F("download_count") + 1)


@transaction.atomic
def news_post_save(*, post: NewsPost, by: User | None) -> NewsPost:
    """Save a news or blog post with its text made safe (and its plain text for search)."""
    if by is not None and not by.is_network_admin:
        raise KnowledgeError(_("Only the network's staff publish news."))
    text = sanitise(post.body_html)
    if missing_alt(text.html):
        raise KnowledgeError(_('Every image needs alt text (alt="...").'))
    post.body_html, post.body_text = text.html, text.text
    if by is not None:
        post._history_user = by  # type: ignore[attr-defined]
    post.save()
    return post
