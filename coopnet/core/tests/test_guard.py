"""The one guard: refusals are PermissionDenied (403), the system is named, None never is."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from coopnet.core.actors import System
from coopnet.core.guard import Refused, allowed, refuse, require


def test_require_with_none_is_a_programming_error_not_the_system():
    with pytest.raises(TypeError):
        require(None, "members.manage_registry")


def test_the_system_is_said_explicitly():
    require(System("tests"), "members.manage_registry")
    require(AnonymousUser(), "members.manage_registry", system=True)
    assert allowed(System("tests"), "anything.at_all")


def test_a_refusal_is_a_permission_denied_so_django_answers_403():
    with pytest.raises(Refused) as refused:
        require(AnonymousUser(), "members.manage_registry")
    assert isinstance(refused.value, PermissionDenied)
    assert str(refused.value)


def test_refuse_words_a_rule_that_is_not_a_permission():
    refusal = refuse("Only the nominee may answer.")
    assert isinstance(refusal, PermissionDenied)
    assert str(refusal) == "Only the nominee may answer."


def test_the_system_holds_every_permission_when_asked_directly():
    assert System("tests").has_perm("members.manage_registry")
