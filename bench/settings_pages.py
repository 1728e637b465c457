"""Settings for the pages benchmark (bench/run.py): config.settings.local with the bench's URLs.

The same settings as `config.settings.local` (run.py sets DEBUG=False, a random SECRET_KEY and
REQUIRE_STAFF_TWO_STEP=True in the environment, as production has it), with `ROOT_URLCONF` set to
bench/urls.py: the product's URLs plus the bare view `/bench/bare/`, so that every endpoint,
baselines included, is served by one gunicorn.
"""

from config.settings.local import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
