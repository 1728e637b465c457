"""Fallback settings for `make bench` when collectstatic fails under the manifest storage.

config.settings.local with static files stored without a manifest (whitenoise, compressed) in
a temporary STATIC_ROOT, so pages still render while the front-end build is broken. bench/run.py
uses it only then, and says so in the results. Like bench/settings_pages.py, it serves the
bench's URLs (bench/urls.py: the product's plus the bare view `/bench/bare/`).
"""

from config.settings.local import *  # noqa: F403
from config.settings.local import STORAGES, env

ROOT_URLCONF = "bench.urls"
STATIC_ROOT = env("BENCH_STATIC_ROOT")
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
