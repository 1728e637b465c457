from __future__ import annotations

from django.http import Http404

from .. import selectors
from ..models import Group, Post


def group_or_404(slug: str) -> Group:
    try:
        return selectors.group_by_slug(slug)
    except Group.DoesNotExist as exc:
        raise Http404 from exc


def post_or_404(pk: int) -> Post:
    try:
        return selectors.post_by_pk(pk)
    except Post.DoesNotExist as exc:
        raise Http404 from exc
