"""Settings for a developer who asks for them (`make serve-dev`): DEBUG on, a fixed local key.

Never the default: `manage.py` and `wsgi.py` use production settings unless
`DJANGO_SETTINGS_MODULE` says otherwise (the Makefile says so for each of its commands).
"""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="local-development-only-not-secret")
