"""Services: what a supplier, a buyer and staff would notice, and each refusal."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from coopnet.core.audit import audit_trail_for
from coopnet.core.guard import Refused
from coopnet.members.tests.factories import MembershipFactory, OrganisationFactory, category
from coopnet.procurement import selectors, services
from coopnet.procurement.errors import ProcurementError
from coopnet.procurement.models import (
    Admission,
    Arrangement,
    CallOff,
    CategoryDecision,
    CommunicationLog,
    Invitation,
    Regime,
    SupplierApplication,
)

from .conftest import manager_of
from .factories import NO_GROUNDS, AdmissionFactory, CategoryFactory, answers_for, bulk_admit

pytestmark = pytest.mark.django_db

CRITERIA = [("Quality", 60), ("Price", 40)]


def _apply(arrangement, cat, supplier, by, **kwargs):
    values = {
        "arrangement": arrangement,
        "organisation": supplier,
        "categories": [cat],
        "answers": answers_for(cat),
        "declarations": NO_GROUNDS,
        "companies_house_number": "01234567",
        "by": by,
    }
    return services.application_submit(**{**values, **kwargs})


# --- applications ---------------------------------------------------------------------------


def test_a_supplier_applies_and_the_clock_starts(arrangement, category, supplier, supplier_user):
    application = _apply(arrangement, category, supplier, supplier_user, on=date(2024, 3, 28))
    assert application.status == SupplierApplication.Status.SUBMITTED
    assert application.decisions.get().answers["experience"] == "We have done this."
    assert selectors.decision_due_on(application) == date(2024, 4, 15)
    assert audit_trail_for(application).first().action == "supplier_application.submitted"


@pytest.mark.parametrize("number", ["SC123456", "01234567", "sc 123456"])
def test_companies_house_numbers_of_the_right_form_are_accepted(number):
    assert len(services.clean_companies_house_number(number)) == 8


@pytest.mark.parametrize("number", ["1234567", "ABC12345", "S1234567", "0123456789"])
def test_a_companies_house_number_of_the_wrong_form_is_refused(
    arrangement, category, supplier, supplier_user, number
):
    with pytest.raises(ProcurementError) as exc:
        _apply(arrangement, category, supplier, supplier_user, companies_house_number=number)
    assert exc.value.field == "companies_house_number"
    assert not SupplierApplication.objects.exists()


def test_someone_who_does_not_manage_the_supplier_cannot_apply_for_it(
    arrangement, category, supplier, officer_a
):
    with pytest.raises(Refused):
        _apply(arrangement, category, supplier, officer_a)


def test_every_question_and_declaration_must_be_answered(
    arrangement, category, supplier, supplier_user
):
    with pytest.raises(ProcurementError, match="Answer every question"):
        _apply(arrangement, category, supplier, supplier_user, answers={category.pk: {}})
    with pytest.raises(ProcurementError, match="ground for exclusion"):
        _apply(arrangement, category, supplier, supplier_user, declarations={"tax": False})
    assert not SupplierApplication.objects.exists()


def test_an_application_outside_the_arrangement_period_is_refused(
    arrangement, category, supplier, supplier_user
):
    with pytest.raises(ProcurementError, match="not open"):
        _apply(arrangement, category, supplier, supplier_user, on=date(2019, 1, 1))


def test_a_second_application_while_one_awaits_a_decision_is_refused(
    arrangement, category, supplier, supplier_user
):
    _apply(arrangement, category, supplier, supplier_user)
    with pytest.raises(ProcurementError, match="awaiting a decision"):
        _apply(arrangement, category, supplier, supplier_user)


def test_staff_admit_in_a_category_and_the_supplier_is_told(
    arrangement,
    category,
    supplier,
    supplier_user,
    network_admin,
    django_capture_on_commit_callbacks,
):
    application = _apply(arrangement, category, supplier, supplier_user)
    with django_capture_on_commit_callbacks(execute=True):
        services.application_decide(
            decision=application.decisions.get(),
            admit=True,
            reasons="Meets every criterion.",
            by=network_admin,
            on=date(2024, 4, 2),
        )
    admission = Admission.objects.get(organisation=supplier, category=category)
    assert admission.start == date(2024, 4, 2)
    assert admission.end == arrangement.end
    application.refresh_from_db()
    assert application.status == SupplierApplication.Status.DECIDED
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [supplier_user.email]
    assert "is admitted" in mail.outbox[0].body
    log = CommunicationLog.objects.get(application=application)
    assert log.sent_at is not None


def test_an_unsuccessful_applicant_is_told_why_and_may_apply_again(
    arrangement,
    category,
    supplier,
    supplier_user,
    network_admin,
    django_capture_on_commit_callbacks,
):
    application = _apply(arrangement, category, supplier, supplier_user)
    with django_capture_on_commit_callbacks(execute=True):
        services.application_decide(
            decision=application.decisions.get(),
            admit=False,
            reasons="No evidence of insurance.",
            by=network_admin,
        )
    assert not Admission.objects.exists()
    assert "No evidence of insurance." in mail.outbox[0].body
    assert "apply again" in mail.outbox[0].body
    again = _apply(arrangement, category, supplier, supplier_user)
    assert again.pk != application.pk


def test_a_reviewer_who_is_not_staff_cannot_decide(
    arrangement, category, supplier, supplier_user, board_member
):
    application = _apply(arrangement, category, supplier, supplier_user)
    with pytest.raises(Refused):
        services.application_decide(
            decision=application.decisions.get(), admit=True, reasons="ok", by=board_member
        )
    assert application.decisions.get().outcome == CategoryDecision.Outcome.PENDING


def test_a_decision_needs_reasons_and_is_taken_once(
    arrangement, category, supplier, supplier_user, network_admin
):
    decision = _apply(arrangement, category, supplier, supplier_user).decisions.get()
    with pytest.raises(ProcurementError, match="reasons"):
        services.application_decide(decision=decision, admit=True, reasons=" ", by=network_admin)
    services.application_decide(decision=decision, admit=True, reasons="ok", by=network_admin)
    with pytest.raises(ProcurementError, match="already"):
        services.application_decide(decision=decision, admit=False, reasons="no", by=network_admin)


def test_an_extension_needs_a_reason_and_gives_fifteen_working_days(
    arrangement, category, supplier, supplier_user, network_admin
):
    application = _apply(arrangement, category, supplier, supplier_user, on=date(2024, 3, 28))
    with pytest.raises(ProcurementError):
        services.application_extend(application=application, reason="", by=network_admin)
    with pytest.raises(Refused):
        services.application_extend(application=application, reason="x", by=supplier_user)
    services.application_extend(
        application=application, reason="Awaiting references", by=network_admin
    )
    application.refresh_from_db()
    assert selectors.decision_due_on(application) == date(2024, 4, 22)


def test_removal_ends_the_admission_with_a_reason(category, network_admin, supplier_user):
    admission = AdmissionFactory(category=category)
    with pytest.raises(ProcurementError):
        services.admission_remove(admission=admission, reason="", by=network_admin)
    with pytest.raises(Refused):
        services.admission_remove(admission=admission, reason="x", by=supplier_user)
    services.admission_remove(
        admission=admission, reason="Insolvency", by=network_admin, on=date(2023, 1, 31)
    )
    admission.refresh_from_db()
    assert admission.end == date(2023, 1, 31)
    assert admission.removal_reason == "Insolvency"
    assert admission in selectors.admitted_suppliers(category.arrangement, date(2023, 1, 31))
    assert admission not in selectors.admitted_suppliers(category.arrangement, date(2023, 2, 1))


# --- call-offs ----------------------------------------------------------------------------------


def _calloff(arrangement, category, buyer, by, deadline, **kwargs):
    values = {
        "arrangement": arrangement,
        "category": category,
        "buyer": buyer,
        "title": "Community wealth building review",
        "requirement": "Review our procurement spend.",
        "budget": Decimal("15000.00"),
        "criteria": CRITERIA,
        "tender_deadline": deadline,
        "by": by,
    }
    return services.calloff_create(**{**values, **kwargs})


def test_a_member_council_issues_a_call_off_and_every_admitted_supplier_is_invited(
    arrangement, category, admitted, org_a, officer_a, deadline, django_capture_on_commit_callbacks
):
    removed = AdmissionFactory(category=category, end=timezone.localdate() - timedelta(days=1))
    later = AdmissionFactory(category=category, start=timezone.localdate() + timedelta(days=1))
    AdmissionFactory(category=CategoryFactory(arrangement=arrangement))  # another category
    call_off = _calloff(arrangement, category, org_a, officer_a, deadline)
    with django_capture_on_commit_callbacks(execute=True):
        invited = services.calloff_issue(call_off=call_off, by=officer_a)
    assert invited == 2
    suppliers = set(Invitation.objects.values_list("supplier", flat=True))
    assert suppliers == {org.pk for org, _user in admitted}
    assert removed.organisation_id not in suppliers
    assert later.organisation_id not in suppliers
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for _o, u in admitted)
    assert all(i.notified_at for i in Invitation.objects.all())
    call_off.refresh_from_db()
    assert call_off.status == CallOff.Status.ISSUED


def test_a_buyer_that_is_not_an_eligible_member_is_refused(arrangement, category, deadline):
    affiliate = OrganisationFactory()
    MembershipFactory(organisation=affiliate, category=category_of("affiliate"))
    with pytest.raises(Refused, match="not an eligible buyer"):
        _calloff(arrangement, category, affiliate, manager_of(affiliate), deadline)


def category_of(code):
    return category(code)


def test_an_associate_member_may_buy(arrangement, category, deadline):
    town = OrganisationFactory(kind="local_council")
    MembershipFactory(organisation=town, category=category_of("associate"))
    assert _calloff(arrangement, category, town, manager_of(town), deadline).pk


def test_only_staff_buy_for_the_network(arrangement, category, officer_a, network_admin, deadline):
    with pytest.raises(Refused):
        _calloff(arrangement, category, None, officer_a, deadline)
    call_off = _calloff(arrangement, category, None, network_admin, deadline)
    assert call_off.bought_by_network
    assert call_off.buyer_name


def test_an_officer_cannot_buy_for_another_council(
    arrangement, category, org_b, officer_a, deadline
):
    with pytest.raises(Refused):
        _calloff(arrangement, category, org_b, officer_a, deadline)


def test_weights_must_add_up_to_100_and_the_deadline_respect_the_minimum(
    arrangement, category, org_a, officer_a
):
    soon = timezone.now() + timedelta(days=3)
    later = timezone.now() + timedelta(days=20)
    with pytest.raises(ProcurementError, match="add up to 100"):
        _calloff(arrangement, category, org_a, officer_a, later, criteria=[("Quality", 50)])
    with pytest.raises(ProcurementError, match="at least 10 days"):
        _calloff(arrangement, category, org_a, officer_a, soon)
    assert not CallOff.objects.exists()


@pytest.fixture
def issued(arrangement, category, admitted, org_a, officer_a, deadline):
    call_off = _calloff(arrangement, category, org_a, officer_a, deadline)
    services.calloff_issue(call_off=call_off, by=officer_a)
    return call_off


def test_an_invited_supplier_tenders_before_the_deadline(issued, admitted):
    supplier, user = admitted[0]
    tender = services.tender_submit(
        call_off=issued, supplier=supplier, response="Our plan", price=Decimal("12000"), by=user
    )
    again = services.tender_submit(
        call_off=issued, supplier=supplier, response="Better", price=Decimal("11000"), by=user
    )
    assert again.pk == tender.pk
    assert again.price == Decimal("11000")


def test_a_late_tender_is_refused(issued, admitted):
    supplier, user = admitted[0]
    with pytest.raises(ProcurementError, match="late tender"):
        services.tender_submit(
            call_off=issued,
            supplier=supplier,
            response="Late",
            price=Decimal("1"),
            by=user,
            at=issued.tender_deadline,
        )


def test_a_supplier_that_was_not_invited_cannot_tender(issued, supplier, supplier_user):
    with pytest.raises(Refused, match="not invited"):
        services.tender_submit(
            call_off=issued, supplier=supplier, response="x", price=Decimal("1"), by=supplier_user
        )


def test_tenders_cannot_be_opened_before_the_deadline_by_anyone(
    issued, admitted, officer_a, network_admin
):
    supplier, user = admitted[0]
    services.tender_submit(
        call_off=issued, supplier=supplier, response="Sealed", price=Decimal("1"), by=user
    )
    for who in (officer_a, network_admin):
        with pytest.raises((ProcurementError, Refused)):
            services.tenders_open(call_off=issued, by=who)
    with pytest.raises(ProcurementError, match="sealed"):
        selectors.opened_tenders(issued)
    with pytest.raises(ProcurementError, match="sealed"):
        services.tenders_open(
            call_off=issued, by=officer_a, at=issued.tender_deadline - timedelta(seconds=1)
        )


def test_an_answered_clarification_goes_to_every_invited_supplier_without_naming_who_asked(
    issued, admitted, officer_a, django_capture_on_commit_callbacks
):
    supplier, user = admitted[0]
    question = services.clarification_ask(
        call_off=issued, supplier=supplier, question="Is travel included?", by=user
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.clarification_answer(clarification=question, answer="Yes.", by=officer_a)
    bodies = [m.body for m in mail.outbox if "Clarification" in m.subject]
    assert len(bodies) == 2
    assert all("Is travel included?" in b and supplier.name not in b for b in bodies)


def _tender_and_open(issued, admitted, officer_a):
    tenders = []
    for n, (supplier, user) in enumerate(admitted):
        tenders.append(
            services.tender_submit(
                call_off=issued,
                supplier=supplier,
                response=f"Plan {n}",
                price=Decimal(10000 + n),
                by=user,
            )
        )
    services.tenders_open(call_off=issued, by=officer_a, at=issued.tender_deadline)
    return tenders


def test_the_award_tells_the_unsuccessful_their_scores_and_the_winners(
    issued, admitted, officer_a, django_capture_on_commit_callbacks
):
    first, second = _tender_and_open(issued, admitted, officer_a)
    quality, price = issued.criteria.all()
    with pytest.raises(ProcurementError, match="Score every tender"):
        services.calloff_award(call_off=issued, tender=first, reasons="Best", by=officer_a)
    services.tender_score(
        tender=first, marks={quality.pk: Decimal(9), price.pk: Decimal(7)}, by=officer_a
    )
    services.tender_score(
        tender=second, marks={quality.pk: Decimal(6), price.pk: Decimal(8)}, by=officer_a
    )
    with django_capture_on_commit_callbacks(execute=True):
        award = services.calloff_award(
            call_off=issued, tender=first, reasons="Best quality", by=officer_a, on=date(2024, 5, 1)
        )
    assert award.standstill_ends_on is None  # PCR 2015 DPS: no standstill asked
    assert award.contract_date == date(2024, 5, 1)
    assert award.retain_until == date(2027, 5, 1)
    unsuccessful = next(m for m in mail.outbox if m.subject.startswith("Outcome"))
    assert unsuccessful.to == [admitted[1][1].email]
    assert "Total: 68.00 out of 100" in unsuccessful.body  # 6*6 + 8*4
    assert "Total: 82.00 out of 100" in unsuccessful.body  # the winner's: 9*6 + 7*4
    assert admitted[0][0].name in unsuccessful.body
    kinds = set(CommunicationLog.objects.filter(call_off=issued).values_list("kind", flat=True))
    assert {"invitation", "award", "unsuccessful"} <= kinds


def test_a_standstill_is_recorded_where_the_regime_asks(issued, admitted, officer_a):
    Arrangement.objects.filter(pk=issued.arrangement_id).update(
        regime=Regime.PA_2023_DYNAMIC_MARKET
    )
    first, second = _tender_and_open(issued, admitted, officer_a)
    for tender in (first, second):
        services.tender_score(
            tender=tender, marks={c.pk: Decimal(5) for c in issued.criteria.all()}, by=officer_a
        )
    award = services.calloff_award(
        call_off=issued, tender=second, reasons="Cheaper", by=officer_a, on=date(2024, 3, 27)
    )
    # 8 working days after Wednesday 27 March 2024, skipping Good Friday and Easter Monday.
    assert award.standstill_ends_on == date(2024, 4, 10)
    assert award.contract_date == date(2024, 4, 11)


def test_only_the_buyer_runs_its_call_off(issued, admitted, officer_b, network_admin):
    with pytest.raises(Refused):
        services.tenders_open(call_off=issued, by=officer_b, at=issued.tender_deadline)
    with pytest.raises(Refused):
        services.tenders_open(call_off=issued, by=network_admin, at=issued.tender_deadline)


@pytest.mark.parametrize("count", [3, 30, 2000])
def test_issuing_costs_the_same_queries_at_3_30_and_2000_suppliers(
    arrangement, category, org_a, officer_a, deadline, django_assert_num_queries, count
):
    for _n in range(min(count, 3)):
        manager_of(AdmissionFactory(category=category).organisation)
    bulk_admit(category, count - min(count, 3))
    call_off = _calloff(arrangement, category, org_a, officer_a, deadline)
    officer_a = type(officer_a).objects.get(pk=officer_a.pk)  # nothing remembered
    with django_assert_num_queries(QUERIES_TO_ISSUE):
        assert services.calloff_issue(call_off=call_off, by=officer_a) == count
    assert Invitation.objects.filter(call_off=call_off).count() == count
    logs = CommunicationLog.objects.filter(call_off=call_off)
    assert logs.count() == count
    assert logs.filter(subject__startswith="Invitation to tender").count() == count


QUERIES_TO_ISSUE = 14  # the same at any number of suppliers (one INSERT ... SELECT each)


def test_staff_ask_admitted_suppliers_to_renew_their_declarations(
    arrangement, category, admitted, network_admin, django_capture_on_commit_callbacks
):
    removed = AdmissionFactory(category=category, end=date(2021, 1, 1))
    with pytest.raises(Refused):
        services.declarations_request(arrangement=arrangement, by=admitted[0][1])
    with django_capture_on_commit_callbacks(execute=True):
        renewals = services.declarations_request(arrangement=arrangement, by=network_admin)
    assert {r.organisation_id for r in renewals} == {org.pk for org, _u in admitted}
    assert removed.organisation_id not in {r.organisation_id for r in renewals}
    assert len([m for m in mail.outbox if "renew your declarations" in m.subject]) == 2
    supplier, user = admitted[0]
    renewal = next(r for r in renewals if r.organisation_id == supplier.pk)
    with pytest.raises(Refused):
        services.declarations_renew(renewal=renewal, declarations=NO_GROUNDS, by=admitted[1][1])
    services.declarations_renew(renewal=renewal, declarations=NO_GROUNDS, by=user)
    renewal.refresh_from_db()
    assert renewal.declared_at is not None
    with pytest.raises(ProcurementError, match="already"):
        services.declarations_renew(renewal=renewal, declarations=NO_GROUNDS, by=user)
