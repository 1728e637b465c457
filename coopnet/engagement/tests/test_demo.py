from __future__ import annotations

import pytest
from django.core.management import call_command

from coopnet.demo.loader import LoadSummary

from .. import demo
from ..models import Group, GroupMembership, Post

pytestmark = pytest.mark.django_db


def test_the_demo_groups_come_from_the_seeds_with_no_invented_members():
    demo.load(LoadSummary())
    again = LoadSummary()
    demo.load(again)
    assert again.created["groups"] == 0
    assert again.updated["groups"] == 0
    slugs = set(Group.objects.values_list("slug", flat=True))
    assert {"officer-network", "leaders-and-co-operative-leads", "greater-manchester"} <= slugs
    network = Group.objects.get(slug="officer-network")
    assert network.meets.startswith("Monthly")
    assert sorted(network.eligible_categories.values_list("code", flat=True)) == [
        "associate",
        "full",
    ]
    assert not GroupMembership.objects.exists()
    assert not Post.objects.exists()
    assert all(not g.chat_link for g in Group.objects.all())


def test_the_digest_command_runs():
    call_command("send_discussion_digests")
