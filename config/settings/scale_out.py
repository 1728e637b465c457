"""Production settings for the scale-out test only (coopnet/core/tests/scale_out/).

Everything is production's, configured through the same environment variables an installation
sets (SECRET_KEY, DATABASE_URL, ALLOWED_HOSTS, EMAIL_URL, MEDIA_ROOT), except one thing no
variable reaches: static files are served by whitenoise straight from the finders instead of
from a `collectstatic` manifest, which would cost the test a dozen seconds of compressing files
it never looks at (collecting with the production storage is tested in core/tests/test_static.py).
"""

from .production import *  # noqa: F403
from .production import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
