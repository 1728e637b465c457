"""Settings for `make run`: the demo on one machine, served as production serves it.

DEBUG is off (no debug pages listing every URL), whitenoise serves the collected static files, and
the secret key is generated on first run and kept in `.secret-key` (never committed) unless
`SECRET_KEY` is set. Plain HTTP on 127.0.0.1, so cookies are not marked secure.
"""

import secrets
from pathlib import Path

from .base import *  # noqa: F403
from .base import BASE_DIR, env

DEBUG = False


def _secret_key() -> str:
    configured = env("SECRET_KEY", default="")
    if configured:
        return configured
    kept = Path(env("SECRET_KEY_FILE", default=str(BASE_DIR / ".secret-key")))
    if kept.exists() and len(kept.read_text().strip()) >= 50:
        return kept.read_text().strip()
    key = secrets.token_urlsafe(64)
    kept.write_text(key + "\n")
    kept.chmod(0o600)
    return key


SECRET_KEY = _secret_key()
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
