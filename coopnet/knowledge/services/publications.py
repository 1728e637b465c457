from __future__ import annotations

from datetime import date

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


def publication_for_demo(
    *, slug: str, title: str, kind: str, published_on: date | None
) -> tuple[Publication, bool]:
    """The publication with the slug, created from these values only when missing (so a version
    loaded elsewhere is never overwritten). Returns it and whether it was created."""
    found = Publication.objects.filter(slug=slug).first()
    if found:
        return found, False
    created = Publication.objects.create(
        slug=slug, title=title, kind=kind, published_on=published_on
    )
    return created, True


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
