from __future__ import annotations

from django.db import models

from coopnet.core.search.index import refresh


def refresh_search(instance: models.Model) -> None:
    """After many-to-many links change, bring the instance's search entry up to date (on commit)."""
    refresh(instance)
