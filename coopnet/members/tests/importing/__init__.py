"""Registry imports: every row or none, refusals that name the row and column, and round trips.

Shared CSV rows and helpers are in helpers.py.
"""

import pytest

# helpers.py asserts; have pytest rewrite it as it does test modules, for the same messages.
pytest.register_assert_rewrite("coopnet.members.tests.importing.helpers")
