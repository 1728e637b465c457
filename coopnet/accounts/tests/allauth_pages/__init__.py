"""django-allauth's pages (account and MFA) in the site layout, in GOV.UK Frontend markup.

Every page renders in base.html (skip link, network name), has one h1, labels every input, gives
email and password inputs an autocomplete value and has no empty links. Forms with errors show a
GOV.UK error summary linking to the fields, inline error messages and an "Error:" page title.

Shared fixtures (a fresh cache, users with and without an authenticator app) are in conftest.py;
the page checks and sign-in helpers in helpers.py.
"""

import pytest

# helpers.py asserts; have pytest rewrite it as it does test modules, for the same messages.
pytest.register_assert_rewrite("coopnet.accounts.tests.allauth_pages.helpers")
