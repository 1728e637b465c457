"""Parts of a page that are the same for every viewer are remembered for signed-in people too,
and never served stale, in another language, for another address or with someone's token."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from coopnet.members.tests.factories import MembershipFactory, OrganisationFactory, category

pytestmark = pytest.mark.django_db

DIRECTORY = reverse("members:directory")


def _affiliate(name: str) -> Any:
    org = OrganisationFactory(name=name)
    MembershipFactory(organisation=org, category=category("affiliate"))
    return org


def test_the_directory_is_remembered_for_signed_in_people(
    client, officer_a, django_assert_max_num_queries
):
    _affiliate("Abbey Co-op")
    client.force_login(officer_a)
    first = client.get(DIRECTORY)
    # the session and the user, then the version for the count and for the remembered part:
    # neither the filters' choices nor the organisations are read again
    with django_assert_max_num_queries(6) as queries:
        again = client.get(DIRECTORY)
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    assert "members_localauthority" not in sql
    assert "members_membershipcategory" not in sql
    assert again.content == first.content
    assert "Abbey Co-op" in again.text
    assert "Sign out" in again.text


def test_a_new_member_shows_at_once_to_signed_in_people(client, officer_a):
    _affiliate("Abbey Co-op")
    client.force_login(officer_a)
    assert "Zeta Mutual" not in client.get(DIRECTORY).text
    _affiliate("Zeta Mutual")
    assert "Zeta Mutual" in client.get(DIRECTORY).text


def test_each_address_and_language_is_remembered_apart(client, officer_a):
    _affiliate("Abbey Co-op")
    client.force_login(officer_a)
    everyone = client.get(DIRECTORY).text
    filtered = client.get(DIRECTORY, {"q": "no such name"}).text
    assert "Abbey Co-op" in everyone
    assert "Abbey Co-op" not in filtered
    assert "No organisations match" in filtered
    client.cookies["django_language"] = "cy"
    welsh = client.get(DIRECTORY).text
    assert 'lang="cy"' in welsh
    assert "Member directory" not in welsh


def _render(source: str, user, **context) -> str:
    request = RequestFactory().get("/somewhere/")
    request.user = user
    return Template("{% load coopnet %}" + source).render(Context({"request": request, **context}))


def test_a_part_with_a_csrf_token_is_never_remembered(officer_a):
    source = (
        '{% same_for_everyone "form" %}'
        '<input type="hidden" name="csrfmiddlewaretoken" value="{{ token }}">'
        "{% endsame_for_everyone %}"
    )
    assert "first-token" in _render(source, officer_a, token="first-token")
    assert "second-token" in _render(source, officer_a, token="second-token")


def test_the_values_named_join_the_key(officer_a):
    source = (
        '{% same_for_everyone "part" can_edit %}{{ can_edit }}/{{ n }}{% endsame_for_everyone %}'
    )
    assert _render(source, officer_a, can_edit=True, n=1) == "True/1"
    assert _render(source, officer_a, can_edit=True, n=2) == "True/1"  # remembered
    assert _render(source, officer_a, can_edit=False, n=3) == "False/3"
    with translation.override("cy"):
        assert _render(source, officer_a, can_edit=True, n=4) == "True/4"


def test_visitors_render_it_as_their_whole_page_is_remembered():
    source = '{% same_for_everyone "part" %}{{ n }}{% endsame_for_everyone %}'
    assert _render(source, AnonymousUser(), n=1) == "1"
    assert _render(source, AnonymousUser(), n=2) == "2"


def test_the_tag_wants_a_quoted_name():
    from django.template import TemplateSyntaxError

    with pytest.raises(TemplateSyntaxError):
        Template("{% load coopnet %}{% same_for_everyone part %}{% endsame_for_everyone %}")
