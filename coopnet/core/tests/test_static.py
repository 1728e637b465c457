"""The built CSS and JS collect into hashed, compressed files, as `make run` and production do."""

from __future__ import annotations

from pathlib import Path

from django.core.management import call_command
from django.test import override_settings


def test_collectstatic_with_the_production_storage_resolves_every_reference(tmp_path: Path):
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
    manifest = (tmp_path / "staticfiles.json").read_text()
    assert "coopnet.css" in manifest
    assert "js/govuk-frontend.min.js" in manifest
    # The rich-text editor (django-prose-editor) and our module, served from this site.
    for name in ("core/richtext.mjs", "core/richtext.css", "django_prose_editor/editor.js"):
        assert f'"{name}"' in manifest, name
    # Our module imports the library and its words by their plain names: those are collected too.
    assert (tmp_path / "django_prose_editor" / "editor.js").exists()
    assert (tmp_path / "core" / "richtext-i18n.mjs").exists()
    assert not (tmp_path / "govuk" / "assets" / "fonts").exists(), "GDS Transport must not ship"
    assert "GDS Transport" not in (tmp_path / "coopnet.css").read_text()
