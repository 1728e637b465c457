"""The registry's API: what anyone may read, what it never shows, filters, dates and refusals.

Shared fixtures (the small registry, an officer) are in conftest.py; shared URLs, secrets and
helpers in helpers.py.
"""

import pytest

# helpers.py asserts; have pytest rewrite it as it does test modules, for the same messages.
pytest.register_assert_rewrite("coopnet.members.tests.api.helpers")
