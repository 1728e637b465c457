from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _knowledge_reference(request: pytest.FixtureRequest) -> None:
    """Transactional tests flush the database: put the themes and actions back."""
    marker = request.node.get_closest_marker("django_db")
    fixtures = getattr(request.node, "fixturenames", ())
    if not ("live_server" in fixtures or (marker and marker.kwargs.get("transaction"))):
        return
    request.getfixturevalue("transactional_db")
    from coopnet.knowledge.models import Action, Theme
    from coopnet.knowledge.reference import load_reference

    if not Theme.objects.exists():
        load_reference(Theme, Action)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
