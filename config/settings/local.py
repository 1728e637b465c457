"""Settings for a developer who asks for them (`make serve-dev`): DEBUG on, a fixed local key.

Never the default: `manage.py` and `wsgi.py` use production settings unless
`DJANGO_SETTINGS_MODULE` says otherwise (the Makefile says so for each of its commands).
"""

from .base import *  # noqa: F403
from .base import env, logging_config

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="local-development-only-not-secret")
# A developer reads the log in a terminal: text lines unless they ask for JSON.
LOG_FORMAT = env("LOG_FORMAT", default="text")
LOGGING = logging_config(LOG_FORMAT, env("LOG_LEVEL", default="INFO"))
