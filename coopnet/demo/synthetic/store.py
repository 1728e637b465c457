"""Writing synthetic rows: only into an empty registry, in batches, each with its history row."""

from __future__ import annotations

from typing import TypeVar

from django.db import models
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from coopnet.demo.synthetic.sizes import SyntheticDataError
from coopnet.members.models import CouncilBudget, Membership, Organisation, Person, Role

M = TypeVar("M", bound=models.Model)

BATCH_SIZE = 1000
SOURCE = "Synthetic benchmark data"

REGISTRY_MODELS: tuple[type[models.Model], ...] = (
    Organisation,
    Person,
    Role,
    Membership,
    CouncilBudget,
)


def ensure_empty() -> None:
    """Refuse to mix synthetic rows with real ones."""
    used = [m._meta.verbose_name_plural for m in REGISTRY_MODELS if m._default_manager.exists()]
    if used:
        raise SyntheticDataError(
            _(
                "The database already holds registry data (%(tables)s). Synthetic data is only "
                "generated into an empty database: point DATABASE_URL at a new file and migrate."
            )
            % {"tables": ", ".join(str(u) for u in used)}
        )


def save(model: type[M], objects: list[M]) -> list[M]:
    """Insert in batches, with a history row for each (primary keys are set on the objects)."""
    return bulk_create_with_history(
        objects, model, batch_size=BATCH_SIZE, default_change_reason=SOURCE
    )
