"""Every email in its reader's language: the one their account chose, else the one the registry
records for them, else the site's; never the language the sender's page or the worker was in."""

from __future__ import annotations

import pytest
from django.test.utils import override_settings
from django.utils import translation

from coopnet.core.mail import chosen_languages, languages_for, letter_to, letters
from coopnet.members.tests.factories import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db

INVITATION = "accounts/email/invitation"
CONTEXT = {"network": "CCIN", "url": "https://example.org/x", "invitation": None}


def test_an_account_s_choice_wins_over_the_registry_and_no_choice_is_the_site_s_language():
    welsh = UserFactory(email="gwen@example.org", language="cy")
    # The registry records English for the same address: the person's own choice wins.
    PersonFactory(email="Gwen@Example.org", language="en-gb", user=welsh)
    PersonFactory(email="dai@example.org", language="cy")
    UserFactory(email="ann@example.org")  # chose nothing
    addresses = ["GWEN@example.org", "dai@example.org", "ann@example.org", "nobody@example.org"]
    assert chosen_languages(addresses) == {"GWEN@example.org": "cy", "dai@example.org": "cy"}
    with translation.override("cy"):  # a Welsh page queued the email; the reader chose nothing
        assert languages_for(addresses) == {
            "GWEN@example.org": "cy",
            "dai@example.org": "cy",
            "ann@example.org": "en-gb",
            "nobody@example.org": "en-gb",
        }


def test_a_deactivated_account_s_choice_is_not_used_but_the_registry_s_is():
    UserFactory(email="left@example.org", language="cy", is_active=False)
    assert chosen_languages(["left@example.org"]) == {}
    PersonFactory(email="left@example.org", language="cy")
    assert chosen_languages(["left@example.org"]) == {"left@example.org": "cy"}


@override_settings(NETWORK_NAME="CCIN")
def test_one_letter_per_language_each_to_its_own_readers():
    UserFactory(email="gwen@example.org", language="cy")
    UserFactory(email="ann@example.org")
    sent = letters(INVITATION, CONTEXT, ["gwen@example.org", "ann@example.org", "bob@example.org"])
    assert [(letter.language, letter.to) for letter in sent] == [
        ("en-gb", ["ann@example.org", "bob@example.org"]),
        ("cy", ["gwen@example.org"]),
    ]
    english, welsh = sent
    assert english.subject == "You are invited to CCIN"
    assert welsh.subject == "Gwahoddiad i CCIN"
    assert english.body != welsh.body
    # One reader: one letter, in their language, whatever the current page's language.
    with translation.override("cy"):
        assert letter_to(INVITATION, CONTEXT, "bob@example.org").subject == (
            "You are invited to CCIN"
        )


def test_queries_do_not_grow_with_the_number_of_recipients(django_assert_num_queries):
    for n in range(30):
        UserFactory(email=f"reader{n}@example.org", language="cy" if n % 2 else "")
    few = [f"reader{n}@example.org" for n in range(2)]
    many = [f"reader{n}@example.org" for n in range(30)]
    with django_assert_num_queries(2):  # the accounts, then the registry for those left
        languages_for(few)
    with django_assert_num_queries(2):
        assert sorted(set(languages_for(many).values())) == ["cy", "en-gb"]
