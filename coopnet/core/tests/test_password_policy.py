"""Passwords: at least 12 characters (ASVS L2) and not a common one."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError


@pytest.mark.parametrize("password", ["Tr0ub4dor&3", "short", "123456789012", "qwertyuiop123"])
def test_short_numeric_and_common_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_long_uncommon_passphrase_is_accepted():
    validate_password("a long and unusual passphrase")
