from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from coopnet.core.actors import Actor, acting_as
from coopnet.core.audit import audit_record
from coopnet.core.guard import require

from ..errors import KnowledgeError
from ..models import NewsPost, Publication
from ..richtext import missing_alt, sanitise


def publication_record_download(*, publication: Publication) -> None:
    """Count one download: a single UPDATE ... SET n = n + 1, so concurrent downloads all count
    and the publication's history is not touched (a counter, not a change anyone made)."""
    Publication.objects.filter(pk=publication.pk).update(download_count=F("download_count") + 1)


@transaction.atomic
def news_post_save(*, post: NewsPost, by: Actor) -> NewsPost:
    """Save a news or blog post with its text made safe (and its plain text for search)."""
    require(by, "knowledge.publish_news", message=_("Only the network's staff publish news."))
    text = sanitise(post.body_html)
    if missing_alt(text.html):
        raise KnowledgeError(_('Every image needs alt text (alt="...").'), field="body_html")
    post.body_html, post.body_text = text.html, text.text
    creating = post.pk is None
    with acting_as(by):
        post.save()
        audit_record(by=by, action="news.posted" if creating else "news.changed", target=post)
    return post
