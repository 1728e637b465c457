"""Approving a member starts its induction, in the approval's transaction (a core hook)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from coopnet.core.audit import audit_trail_for
from coopnet.learning.models import Induction
from coopnet.members.joining import services as joining
from coopnet.members.models import Organisation
from coopnet.members.tests.joining.conftest import finance_ready  # noqa: F401  (fixture)
from coopnet.members.tests.joining.helpers import committed, council_application

pytestmark = pytest.mark.django_db


def test_approving_an_application_starts_the_new_members_induction(
    network_admin,
    finance_ready,  # noqa: F811
):
    on = timezone.localdate()
    with committed():
        joining.application_approve(application=council_application(), by=network_admin, on=on)
    organisation = Organisation.objects.get(local_authority__code="WGN")
    induction = Induction.objects.get(organisation=organisation)
    assert induction.started_on == on
    assert induction.items.count() > 0
    assert all(item.due_on >= on for item in induction.items.all())
    assert any(entry.user == network_admin for entry in audit_trail_for(induction))


def test_a_refused_approval_starts_no_induction(officer_a, finance_ready):  # noqa: F811
    from coopnet.core.guard import Refused

    with pytest.raises(Refused):
        joining.application_approve(
            application=council_application(), by=officer_a, on=timezone.localdate()
        )
    assert not Induction.objects.exists()
