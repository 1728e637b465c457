"""The one guard: refusals are PermissionDenied (403), the system is named, None never is."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.shortcuts import resolve_url

from coopnet.core.actors import System
from coopnet.core.guard import Refused, allowed, refusal, refuse, require


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


def test_a_page_refusal_asks_a_visitor_to_sign_in_and_brings_them_back(rf):
    request = rf.get("/governance/meetings/7/minutes/?tab=draft")
    request.user = AnonymousUser()
    response = refusal(request)
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))
    assert "next=/governance/meetings/7/minutes/%3Ftab%3Ddraft" in response["Location"]


@pytest.mark.django_db
def test_a_page_refusal_tells_a_signed_in_person_no_in_its_own_words(rf, django_user_model):
    request = rf.get("/media/funding/bids/1/plan.pdf")
    request.user = django_user_model.objects.create_user("someone@example.org", "x" * 16)
    with pytest.raises(Refused) as refused:
        refusal(request, "You do not have permission to see this file.")
    assert str(refused.value) == "You do not have permission to see this file."
