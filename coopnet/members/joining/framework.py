"""The self-assessment framework an application answers against.

The framework (versioned criteria by principle, each with a rating scale described level by
level) belongs to learning, which sits above the registry; members must not import it. So joining
offers this registry and learning fills it from `LearningConfig.ready()` with a function that
returns a version of the framework (the current one when no version is asked for) as plain
values. With nothing registered, joining falls back to its own four-point scale.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Level:
    score: int
    name: str
    description: str


@dataclass(frozen=True)
class Criterion:
    title: str
    guidance: str
    levels: tuple[Level, ...]

    def level(self, score: int | None) -> Level | None:
        return next((lv for lv in self.levels if lv.score == score), None)


@dataclass(frozen=True)
class Framework:
    version: int
    title: str
    criteria: dict[int, Criterion] = field(default_factory=dict)  # by principle id

    def criterion_for(self, principle_id: int) -> Criterion | None:
        return self.criteria.get(principle_id)


Provider = Callable[[int | None], Framework | None]
_provider: list[Provider] = []


def register_framework_provider(provider: Provider) -> None:
    """Learning registers the one framework; registering again replaces it."""
    _provider[:] = [provider]


def unregister_framework_provider() -> None:
    _provider.clear()


def framework(version: int | None = None) -> Framework | None:
    """That version of the framework (None: the current one), or None when there is none."""
    return _provider[0](version) if _provider else None


def describe(answers: list) -> list:
    """Set `criterion` and `level` (from the framework version each was given against) on
    application answers, so the applicant's check page and staff see the framework's words."""
    versions: dict[int, Framework | None] = {}
    for answer in answers:
        version = answer.framework_version
        if version is not None and version not in versions:
            versions[version] = framework(version)
        chosen = versions.get(version) if version is not None else None
        criterion = chosen.criterion_for(answer.principle_id) if chosen else None
        answer.criterion = criterion
        answer.level = criterion.level(answer.rating) if criterion else None
    return answers
