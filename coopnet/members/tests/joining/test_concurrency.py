"""Two staff approving the same application at once make one membership and one invoice.

The approval locks the application's row (SELECT ... FOR UPDATE) first; the second approver waits,
then finds it decided and is refused. Run on PostgreSQL (`scripts/with-postgres.sh`).
"""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from coopnet.members.errors import MembersError
from coopnet.members.joining import services
from coopnet.members.models import Application, Membership
from coopnet.members.tests.factories import UserFactory
from coopnet.members.tests.test_concurrency import race

from .helpers import council_application

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.postgres_only
def test_two_admins_approving_at_once_make_one_membership_and_one_invoice(finance_ready):
    from coopnet.finance.models import Invoice

    admins = [UserFactory(roles=["network_admin"], is_staff=True) for _ in range(2)]
    application = council_application()
    on = timezone.localdate()

    def approve(i: int) -> Application:
        return services.application_approve(
            application=Application.objects.get(pk=application.pk), by=admins[i], on=on
        )

    results = race(2, approve)
    assert sum(isinstance(r, Application) for r in results) == 1
    refused = [r for r in results if isinstance(r, MembersError)]
    assert len(refused) == 1, results
    assert "cannot be decided now" in str(refused[0])
    assert Membership.objects.filter(organisation__local_authority_id="WGN").count() == 1
    assert Invoice.objects.filter(membership__organisation__local_authority_id="WGN").count() == 1


@pytest.mark.postgres_only
def test_two_applications_sent_at_once_for_one_council_leave_one_open():
    first = council_application(submit=False)
    second = council_application(submit=False, applicant_email="other@example.org")
    drafts = [first, second]

    def submit(i: int) -> Application:
        return services.application_submit(application=drafts[i])

    results = race(2, submit)
    assert sum(isinstance(r, Application) for r in results) == 1
    refused = [r for r in results if isinstance(r, MembersError)]
    assert len(refused) == 1, results
    assert "already has an application waiting" in str(refused[0])
    assert Application.objects.filter(status="submitted").count() == 1
    assert date.today()  # keep the import honest on every engine
