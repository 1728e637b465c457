"""Applications to join: the rules the services keep, and every refusal they make."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from coopnet.accounts.models import Invitation
from coopnet.core.guard import Refused
from coopnet.core.models import Principle
from coopnet.members.errors import MembersError
from coopnet.members.joining import services
from coopnet.members.models import (
    ApplicantType,
    Application,
    LocalAuthority,
    Membership,
    Organisation,
    Person,
    Rating,
    RoleKind,
)
from coopnet.members.tests.factories import CouncilFactory, MembershipFactory, category

from .helpers import (
    affiliate_application,
    assess_all,
    committed,
    contacts,
    council_application,
    draft,
    individual_application,
)

pytestmark = pytest.mark.django_db


# --- the applicant ------------------------------------------------------------------------------


def test_starting_emails_the_link_to_come_back_later():
    application = draft()
    assert application.status == Application.Status.DRAFT
    assert len(application.token) >= 40
    assert len(mail.outbox) == 1
    assert f"/join/{application.token}/" in mail.outbox[0].body
    assert mail.outbox[0].to == ["carys.pugh@example.org"]


def test_the_category_offered_follows_what_the_kind_may_hold():
    from coopnet.members.joining.selectors import categories_offered

    codes = {
        t: [c.code for c in categories_offered(Application(applicant_type=t))]
        for t in ApplicantType.values
    }
    assert codes[ApplicantType.COUNCIL] == ["full", "supporter"]
    assert codes[ApplicantType.LOCAL_COUNCIL] == ["associate", "supporter"]
    assert codes[ApplicantType.POLITICAL_GROUP] == ["associate", "supporter"]
    assert codes[ApplicantType.AFFILIATE] == ["affiliate", "supporter"]
    assert codes[ApplicantType.SUPPORTER_ORGANISATION] == ["supporter"]
    assert codes[ApplicantType.INDIVIDUAL] == ["supporter"]
    combined = Application(
        applicant_type=ApplicantType.COUNCIL,
        local_authority=LocalAuthority.objects.get(code="GMCA"),
    )
    assert [c.code for c in categories_offered(combined)] == ["full"]


def test_a_category_the_kind_cannot_hold_is_refused():
    application = draft(ApplicantType.LOCAL_COUNCIL)
    with pytest.raises(
        MembersError, match="Choose a membership category this organisation may hold"
    ):
        services.application_set_organisation(
            application=application,
            organisation=services.OrganisationAnswers(
                organisation_name="Burntwood Town Council",
                area_authority=LocalAuthority.objects.get(code="LIC"),
                category=category("full"),
            ),
        )


def test_a_current_member_cannot_apply_again(org_a):
    application = draft()
    with pytest.raises(MembersError, match="already a Full member"):
        services.application_set_organisation(
            application=application,
            organisation=services.OrganisationAnswers(
                local_authority=org_a.local_authority, category=category("full")
            ),
        )


def test_incomplete_application_cannot_be_sent():
    application = draft()
    with pytest.raises(MembersError, match="Complete every section") as refused:
        services.application_submit(application=application)
    assert "The organisation" in str(refused.value)
    assert "Self-assessment" in str(refused.value)
    application.refresh_from_db()
    assert application.status == Application.Status.DRAFT


def test_sending_confirms_by_email_after_commit():
    application = council_application()
    assert application.status == Application.Status.SUBMITTED
    assert application.submitted_at is not None
    received = [m for m in mail.outbox if "received the application" in m.subject]
    assert len(received) == 1
    assert "Wigan Metropolitan Borough Council" in received[0].subject


def test_a_sent_application_can_no_longer_be_changed():
    application = council_application()
    with pytest.raises(MembersError, match="can no longer be changed"):
        services.application_set_contacts(
            application=application, contacts=services.ContactAnswers(**contacts())
        )


def test_the_same_organisation_cannot_have_two_open_applications():
    second = council_application(submit=False, applicant_email="someone.else@example.org")
    council_application()
    with pytest.raises(MembersError, match="already has an application waiting"):
        services.application_submit(application=second)
    second.refresh_from_db()
    assert second.status == Application.Status.DRAFT


def test_an_open_application_is_named_at_the_organisation_step():
    council_application()
    application = draft(applicant_email="someone.else@example.org")
    with pytest.raises(MembersError, match="already has an application waiting"):
        services.application_set_organisation(
            application=application,
            organisation=services.OrganisationAnswers(
                local_authority=LocalAuthority.objects.get(code="WGN"), category=category("full")
            ),
        )


def test_the_database_refuses_two_open_applications_for_one_organisation():
    second = council_application(submit=False, applicant_email="someone.else@example.org")
    first = council_application()
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.filter(pk=second.pk).update(
            status=Application.Status.SUBMITTED, organisation_key=first.organisation_key
        )


def test_a_declined_organisation_may_apply_again(network_admin):
    first = council_application()
    with committed():
        services.application_decline(application=first, by=network_admin, reason="Not yet.")
    again = council_application(applicant_email="again@example.org")
    assert again.status == Application.Status.SUBMITTED


def test_self_assessment_refusals():
    application = draft()
    ica = Principle.objects.filter(family=Principle.Family.ICA).first()
    network = Principle.objects.filter(family=Principle.Family.NETWORK).first()
    with pytest.raises(MembersError, match="network's principles"):
        services.application_assess(
            application=application, principle=ica, rating=Rating.PLANNING, statement="x"
        )
    with pytest.raises(MembersError, match="Write a short statement"):
        services.application_assess(
            application=application, principle=network, rating=Rating.PLANNING, statement="  "
        )


def test_answering_needs_a_question_first():
    application = council_application()
    with pytest.raises(MembersError, match="has not asked for more information"):
        services.application_answer(application=application, text="Here you are.")


# --- staff --------------------------------------------------------------------------------------


def test_asking_for_more_information_emails_the_applicant_who_answers(network_admin):
    application = council_application()
    with committed():
        services.application_ask(
            application=application, by=network_admin, question="Who leads on co-production?"
        )
    application.refresh_from_db()
    assert application.status == Application.Status.MORE_INFORMATION
    question = mail.outbox[-1]
    assert "Who leads on co-production?" in question.body
    assert f"/join/{application.token}/" in question.body
    with pytest.raises(MembersError, match="Write your answer"):
        services.application_answer(application=application, text=" ")
    services.application_answer(application=application, text="Our cabinet member.")
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert [m.author for m in application.messages.all()] == ["staff", "applicant"]


def test_staff_refusals(network_admin, officer_a):
    application = council_application()
    with pytest.raises(Refused):
        services.application_approve(application=application, by=officer_a, on=date.today())
    with pytest.raises(Refused):
        services.application_decline(application=application, by=officer_a, reason="No")
    with pytest.raises(MembersError, match="Write the question"):
        services.application_ask(application=application, by=network_admin, question="")
    with pytest.raises(MembersError, match="Give the reason"):
        services.application_decline(application=application, by=network_admin, reason=" ")
    with pytest.raises(MembersError, match="cannot be in the future"):
        services.application_approve(
            application=application,
            by=network_admin,
            on=timezone.localdate() + timedelta(days=1),
        )
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED


def test_declined_applicants_are_emailed_the_reason(network_admin):
    application = council_application()
    with committed():
        services.application_decline(
            application=application, by=network_admin, reason="Please apply after your AGM."
        )
    application.refresh_from_db()
    assert application.status == Application.Status.DECLINED
    assert application.decided_by == network_admin
    declined = mail.outbox[-1]
    assert declined.to == ["carys.pugh@example.org"]
    assert "Please apply after your AGM." in declined.body
    with pytest.raises(MembersError, match="cannot be decided now"):
        services.application_approve(application=application, by=network_admin, on=date.today())


def test_a_draft_cannot_be_decided(network_admin):
    application = council_application(submit=False)
    with pytest.raises(MembersError, match="cannot be decided now"):
        services.application_decline(application=application, by=network_admin, reason="No")


def test_approval_refused_when_a_membership_would_overlap_writes_nothing(network_admin):
    application = council_application()
    wigan = CouncilFactory(la_code="WGN")
    MembershipFactory(organisation=wigan, category=category("full"), start=date(2020, 8, 1))
    people, invitations = Person.objects.count(), Invitation.objects.count()
    with pytest.raises(MembersError, match="overlaps"):
        services.application_approve(application=application, by=network_admin, on=date.today())
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert Membership.objects.filter(organisation=wigan).count() == 1
    assert (Person.objects.count(), Invitation.objects.count()) == (people, invitations)


def test_approving_a_council(network_admin, finance_ready):
    application = council_application()
    on = timezone.localdate()
    with committed():
        services.application_approve(application=application, by=network_admin, on=on)
    application.refresh_from_db()
    org = Organisation.objects.get(local_authority__code="WGN")
    assert org.kind == "principal_council"
    assert org.name == "Wigan Metropolitan Borough Council"
    membership = application.membership
    assert membership.organisation == org
    assert membership.category.code == "full"
    assert (membership.start, membership.end) == (on, None)
    assert application.status == Application.Status.APPROVED
    assert application.decided_on == on
    # contacts recorded with their roles, and invited to create accounts
    kinds = set(org.roles.values_list("kind", flat=True))
    assert {RoleKind.INVOICE_CONTACT, RoleKind.VOTING_CONTACT, RoleKind.CONTACT} <= kinds
    invited = set(Invitation.objects.filter(organisation=org).values_list("email", "role"))
    assert invited == {
        ("carys.pugh@example.org", "member_officer"),
        ("invoices@example.org", "member_officer"),
        ("sian.rees@example.org", "member_officer"),
    }
    # the welcome email carries the welcome pack
    welcome = next(m for m in mail.outbox if m.subject.startswith("Welcome to the"))
    _name, content, mimetype = welcome.attachments[0]
    assert mimetype == "application/pdf"
    assert content.startswith(b"%PDF")
    # the first invoice is raised, once, to the invoice contact's organisation
    invoices = membership.invoices.all()
    assert len(invoices) == 1
    assert invoices[0].kind == "first"
    assert invoices[0].purchase_order == "PO-123"
    # history is kept
    statuses = [h.status for h in application.history.order_by("history_id")]
    assert statuses[-1] == "approved"
    assert "submitted" in statuses


def test_approving_an_existing_former_member_reuses_its_record(network_admin):
    wigan = CouncilFactory(la_code="WGN")
    MembershipFactory(
        organisation=wigan, category=category("full"), start=date(2015, 8, 1), end=date(2019, 7, 31)
    )
    application = council_application()
    with committed():
        services.application_approve(application=application, by=network_admin, on=date.today())
    assert Organisation.objects.filter(local_authority__code="WGN").count() == 1
    assert wigan.memberships.count() == 2


def test_approving_an_affiliate_creates_the_organisation(network_admin):
    application = affiliate_application()
    with committed():
        services.application_approve(application=application, by=network_admin, on=date.today())
    org = Organisation.objects.get(name="Fair Shares Co-operative")
    assert org.kind == "affiliate_organisation"
    assert org.website == "https://fairshares.example"
    assert org.memberships.get().category.code == "affiliate"
    roles = set(Invitation.objects.filter(organisation=org).values_list("role", flat=True))
    assert roles == {"affiliate_contact"}


def test_approving_an_individual_supporter(network_admin):
    application = individual_application()
    with committed():
        services.application_approve(application=application, by=network_admin, on=date.today())
    person = Person.objects.get(email="rhodri@example.org")
    assert person.memberships.get().category.code == "supporter"
    invitation = Invitation.objects.get(email="rhodri@example.org")
    assert (invitation.role, invitation.organisation) == ("supporter", None)


def test_contacts_with_accounts_are_not_invited_twice(network_admin, officer_a):
    application = council_application(applicant_email=officer_a.email)
    with committed():
        services.application_approve(application=application, by=network_admin, on=date.today())
    assert not Invitation.objects.filter(email=officer_a.email).exists()
    assert Invitation.objects.filter(email="invoices@example.org").count() == 1


def test_a_town_council_applies_for_associate_membership(network_admin):
    application = draft(ApplicantType.LOCAL_COUNCIL)
    services.application_set_organisation(
        application=application,
        organisation=services.OrganisationAnswers(
            organisation_name="Burntwood Town Council",
            area_authority=LocalAuthority.objects.get(code="LIC"),
            category=category("associate"),
        ),
    )
    services.application_set_contacts(
        application=application, contacts=services.ContactAnswers(**contacts())
    )
    assess_all(application)
    services.application_submit(application=application)
    with committed():
        services.application_approve(application=application, by=network_admin, on=date.today())
    org = Organisation.objects.get(name="Burntwood Town Council")
    assert (org.kind, org.area_authority_id) == ("local_council", "LIC")
    assert org.memberships.get().category.code == "associate"


def test_approval_goes_ahead_without_an_invoice_while_the_accountable_body_is_not_set_up(
    network_admin,
):
    """An invoice without how to pay cannot be paid: none is raised, the member is still
    approved, and the approval says so (the annual run invoices them once finance is set up)."""
    from coopnet.core.membership_year import year_of as membership_year
    from coopnet.finance.models import FeeSchedule, FinanceSettings, Invoice

    FinanceSettings.current()  # exists, with no Accountable Body details
    FeeSchedule.objects.create(
        year=membership_year(date.today()), category=category("full"), amount="3500.00"
    )
    application = council_application()
    with committed():
        approval = services.application_approve_reporting(
            application=application, by=network_admin, on=date.today()
        )
    application.refresh_from_db()
    assert application.status == Application.Status.APPROVED
    assert Organisation.objects.filter(local_authority__code="WGN").exists()
    assert not Invoice.objects.exists()
    assert any(
        "No invoice was raised: Enter the Accountable Body's" in note for note in approval.notes
    )


def test_accepting_the_invitation_after_approval_keeps_one_contact_role(network_admin):
    from coopnet.members.invitations.services import invitation_accept

    application = council_application()
    with committed():
        services.application_approve(
            application=application, by=network_admin, on=timezone.localdate()
        )
    org = Organisation.objects.get(local_authority__code="WGN")
    invitation = Invitation.objects.get(organisation=org, email="carys.pugh@example.org")
    invitation_accept(invitation=invitation, password="a long enough passphrase 42")
    roles = org.roles.filter(person__email="carys.pugh@example.org")
    assert list(roles.values_list("kind", "manages_profile")) == [(RoleKind.CONTACT, True)]


def test_the_database_refuses_a_second_open_role_of_one_kind(org_a):
    from coopnet.members.models import Person, Role

    person = Person.objects.create(full_name="Ada Lovelace", slug="ada-lovelace")
    Role.objects.create(person=person, organisation=org_a, kind=RoleKind.CONTACT)
    with pytest.raises(IntegrityError), transaction.atomic():
        Role.objects.create(person=person, organisation=org_a, kind=RoleKind.CONTACT)
    # an ended role is history: the person may hold the role again
    Role.objects.filter(person=person).update(start=date(2020, 1, 1), end=date(2021, 1, 1))
    Role.objects.create(person=person, organisation=org_a, kind=RoleKind.CONTACT)
    assert Role.objects.filter(person=person).count() == 2
