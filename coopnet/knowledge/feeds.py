"""RSS 2.0 and Atom feeds of published news and blog posts."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from . import selectors
from .models import NewsPost

FEED_SIZE = 30


class NewsFeed(Feed):
    description = _("News and blog posts from the network.")

    def link(self) -> str:
        return reverse("knowledge:news")

    def title(self) -> str:
        return f"{settings.NETWORK_SHORT_NAME}: {_('News and blogs')}"

    def items(self) -> QuerySet[NewsPost]:
        return selectors.published_news()[:FEED_SIZE]

    def item_title(self, item: NewsPost) -> str:
        return item.title

    def item_description(self, item: NewsPost) -> str:
        return item.summary

    def item_pubdate(self, item: NewsPost) -> datetime | None:
        return item.published_at

    def item_updateddate(self, item: NewsPost) -> datetime:
        return item.updated_at

    def item_author_name(self, item: NewsPost) -> str:
        return ", ".join(item.byline)

    def item_categories(self, item: NewsPost) -> list[str]:
        return [t.name for t in item.tags.all()]


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description
