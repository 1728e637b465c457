"""Meetings and the minutes flow: draft -> circulated -> approved -> published, and refusals."""

from __future__ import annotations

from datetime import date
from email import message_from_bytes
from email.policy import default as default_policy

import pytest
from django.core import mail

from coopnet.core.guard import Refused
from coopnet.governance import selectors, services
from coopnet.governance.errors import GovernanceError
from coopnet.governance.models import Meeting, Minutes
from coopnet.governance.tests.factories import SYSTEM
from coopnet.members.tests.factories import PersonFactory, UserFactory

from .conftest import ago, held_meeting, pdf, quorate

pytestmark = pytest.mark.django_db


def test_a_joint_meeting_is_one_meeting_of_two_bodies(eoc, vp):
    meeting = services.meeting_save(
        bodies=[eoc, vp],
        title="Joint meeting",
        kind=Meeting.Kind.JOINT,
        starts_at=ago(1),
        online=False,
        location="Oldham",
        by=SYSTEM,
    )
    assert set(meeting.bodies.all()) == {eoc, vp}
    assert meeting.minutes.status == Minutes.Status.DRAFT


@pytest.mark.parametrize(
    ("kind", "two", "location", "message"),
    [
        (Meeting.Kind.JOINT, False, "x", "joint meeting is a meeting of two"),
        (Meeting.Kind.ORDINARY, True, "x", "more than one body is a joint"),
        (Meeting.Kind.ORDINARY, False, "", "Say where a meeting in person"),
    ],
)
def test_meeting_refusals(eoc, vp, kind, two, location, message):
    with pytest.raises(GovernanceError, match=message):
        services.meeting_save(
            bodies=[eoc, vp] if two else [eoc],
            title="M",
            kind=kind,
            starts_at=ago(1),
            online=False,
            location=location,
            by=SYSTEM,
        )


def test_only_staff_schedule_meetings(eoc, board_member):
    with pytest.raises(Refused):
        services.meeting_save(
            bodies=[eoc],
            title="M",
            kind="ordinary",
            starts_at=ago(1),
            online=True,
            location="",
            by=board_member,
        )


def test_papers_must_be_pdf_and_not_too_large(eoc, settings):
    item = services.agenda_item_add(meeting=held_meeting(eoc), title="Papers", by=SYSTEM)
    with pytest.raises(GovernanceError, match="must be PDF"):
        services.paper_add(
            agenda_item=item, title="x", upload=pdf("x.pdf", b"GIF89a..."), by=SYSTEM
        )
    settings.COOPNET_GOVERNANCE_PAPER_MAX_BYTES = 10
    with pytest.raises(GovernanceError, match="larger than"):
        services.paper_add(agenda_item=item, title="x", upload=pdf(), by=SYSTEM)
    settings.COOPNET_GOVERNANCE_PAPER_MAX_BYTES = 1024
    paper = services.paper_add(agenda_item=item, title="Budget", upload=pdf(), by=SYSTEM)
    assert paper.size == len(pdf().read())


def test_quorum_counts_members_present_not_those_in_attendance(eoc, eoc_member):
    eoc.quorum = 2
    eoc.save()
    meeting = held_meeting(eoc)
    services.attendance_record(meeting=meeting, person=eoc_member, status="present", by=SYSTEM)
    services.attendance_record(
        meeting=meeting, person=PersonFactory(), status="present", in_attendance=True, by=SYSTEM
    )
    [q] = selectors.quorum_check(meeting)
    assert (q.present, q.required, q.quorate) == (1, 2, False)
    eoc.quorum = None
    eoc.save()
    [q] = selectors.quorum_check(meeting)
    assert q.required == 4  # a third of the EOC's 12 places


def test_attendance_is_not_recorded_before_the_meeting(eoc, eoc_member):
    meeting = held_meeting(eoc, days_ago=-3)
    with pytest.raises(GovernanceError, match="once the meeting has been held"):
        services.attendance_record(meeting=meeting, person=eoc_member, status="present", by=SYSTEM)
    services.attendance_record(meeting=meeting, person=eoc_member, status="apologies", by=SYSTEM)


def test_circulate_refusals(eoc, eoc_member):
    meeting = held_meeting(eoc)
    item = services.agenda_item_add(meeting=meeting, title="Budget", by=SYSTEM)
    with pytest.raises(GovernanceError, match="Record who attended"):
        services.minutes_circulate(meeting=meeting, by=SYSTEM)
    services.attendance_record(meeting=meeting, person=eoc_member, status="present", by=SYSTEM)
    with pytest.raises(GovernanceError, match="Write the minutes of at least one item"):
        services.minutes_circulate(meeting=meeting, by=SYSTEM)
    services.minutes_save(meeting=meeting, summary="", item_minutes={item.pk: "Agreed."}, by=SYSTEM)
    future = held_meeting(eoc, days_ago=-2, title="Future")
    with pytest.raises(GovernanceError, match="after the meeting has been held"):
        services.minutes_circulate(meeting=future, by=SYSTEM)


def test_the_minutes_flow(
    eoc, eoc_member, meeting_with_minutes, django_capture_on_commit_callbacks
):
    meeting = meeting_with_minutes
    with pytest.raises(GovernanceError, match="out for comment"):
        services.minutes_comment(meeting=meeting, text="Too early", by=eoc_member.user)
    eoc_member.email = "member@example.org"
    eoc_member.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.minutes_circulate(meeting=meeting, by=SYSTEM)
    assert [m.to for m in mail.outbox] == [["member@example.org"]]
    assert selectors.minutes_recipients(meeting) == [eoc_member]
    with pytest.raises(GovernanceError, match="Only draft minutes"):
        services.minutes_circulate(meeting=meeting, by=SYSTEM)

    services.minutes_comment(meeting=meeting, text="Add the figures.", by=eoc_member.user)
    # Someone who did not attend is refused (403), not shown a form error.
    outsider = PersonFactory(user=UserFactory()).user
    with pytest.raises(Refused, match="Only those who attended"):
        services.minutes_comment(meeting=meeting, text="Me too", by=outsider)

    with pytest.raises(GovernanceError, match="Only approved minutes"):
        services.minutes_publish(meeting=meeting, by=SYSTEM)

    later = held_meeting(eoc, days_ago=1, title="Next EOC meeting")
    other = services.agenda_item_add(meeting=later, title="Apologies", by=SYSTEM)
    with pytest.raises(GovernanceError, match="is not the approval of these minutes"):
        services.minutes_approve(meeting=meeting, at_item=other, by=SYSTEM)
    approval = services.agenda_item_add(
        meeting=later, title="Minutes of the last meeting", approves_minutes_of=meeting, by=SYSTEM
    )
    quorate(later, eoc_member)
    minutes = services.minutes_approve(meeting=meeting, at_item=approval, by=SYSTEM)
    assert minutes.status == Minutes.Status.APPROVED
    with pytest.raises(GovernanceError, match="Approved minutes cannot be changed"):
        services.minutes_save(meeting=meeting, summary="x", item_minutes={}, by=SYSTEM)
    with pytest.raises(GovernanceError, match="can no longer change"):
        services.decision_record(agenda_item=meeting.agenda_items.first(), text="x", by=SYSTEM)

    minutes = services.minutes_publish(meeting=meeting, by=SYSTEM)
    assert minutes.is_published
    assert minutes.published_at
    states = [h.status for h in minutes.history.order_by("history_id")]
    assert states[-3:] == ["circulated", "approved", "published"]


def test_approval_must_come_from_a_later_held_meeting_of_the_same_body(
    eoc, vp, meeting_with_minutes
):
    meeting = meeting_with_minutes
    services.minutes_circulate(meeting=meeting, by=SYSTEM)
    earlier = held_meeting(eoc, days_ago=60, title="Earlier")
    with pytest.raises(GovernanceError, match="earlier meeting only"):
        services.agenda_item_add(meeting=earlier, title="x", approves_minutes_of=meeting, by=SYSTEM)
    vp_meeting = held_meeting(vp, days_ago=1, title="V&P")
    with pytest.raises(GovernanceError, match="its own bodies"):
        services.agenda_item_add(
            meeting=vp_meeting, title="x", approves_minutes_of=meeting, by=SYSTEM
        )
    future = held_meeting(eoc, days_ago=-5, title="Next")
    item = services.agenda_item_add(
        meeting=future, title="x", approves_minutes_of=meeting, by=SYSTEM
    )
    with pytest.raises(GovernanceError, match="has not been held yet"):
        services.minutes_approve(meeting=meeting, at_item=item, by=SYSTEM)
    another = held_meeting(eoc, days_ago=-6, title="Another")
    with pytest.raises(GovernanceError, match="already approves those minutes"):
        services.agenda_item_add(meeting=another, title="x", approves_minutes_of=meeting, by=SYSTEM)


def test_minutes_are_approved_only_after_circulation(eoc, meeting_with_minutes):
    later = held_meeting(eoc, days_ago=1, title="Next")
    item = services.agenda_item_add(
        meeting=later, title="Minutes", approves_minutes_of=meeting_with_minutes, by=SYSTEM
    )
    with pytest.raises(GovernanceError, match="after they have been circulated"):
        services.minutes_approve(meeting=meeting_with_minutes, at_item=item, by=SYSTEM)


def test_actions_and_the_action_log(eoc, eoc_member, meeting_with_minutes):
    item = meeting_with_minutes.agenda_items.first()
    with pytest.raises(GovernanceError, match="due before the meeting"):
        services.action_record(
            agenda_item=item, text="x", owner=eoc_member, due=date(2000, 1, 1), by=SYSTEM
        )
    action = services.action_record(
        agenda_item=item,
        text="Circulate the budget",
        owner=eoc_member,
        due=ago(-10).date(),
        by=SYSTEM,
    )
    services.decision_record(agenda_item=item, text="Budget agreed", by=SYSTEM)
    with pytest.raises(GovernanceError, match="Write the decision"):
        services.decision_record(agenda_item=item, text=" ", by=SYSTEM)
    assert list(selectors.action_log(eoc)) == [action]
    services.action_complete(action=action, on=ago(0).date(), by=SYSTEM)
    with pytest.raises(GovernanceError, match="already done"):
        services.action_complete(action=action, on=ago(0).date(), by=SYSTEM)


def test_document_versions(network_admin):
    from coopnet.governance.models import GovernanceDocument

    doc = GovernanceDocument.objects.create(
        slug="constitution", title="Constitution", kind="constitution"
    )
    services.document_version_add(
        document=doc, label="2012", adopted_on=date(2012, 1, 1), text="First", by=network_admin
    )
    with pytest.raises(GovernanceError, match="already has a version"):
        services.document_version_add(
            document=doc, label="2012", adopted_on=date(2013, 1, 1), text="x", by=network_admin
        )
    with pytest.raises(GovernanceError, match="Give the text"):
        services.document_version_add(
            document=doc, label="2022", adopted_on=date(2022, 2, 1), by=network_admin
        )
    with pytest.raises(GovernanceError, match="must be PDF"):
        services.document_version_add(
            document=doc,
            label="2022",
            adopted_on=date(2022, 2, 1),
            upload=pdf("x.pdf", b"nope"),
            by=network_admin,
        )


def test_minutes_are_approved_only_at_a_quorate_meeting_with_attendance(
    eoc, eoc_member, meeting_with_minutes
):
    services.minutes_circulate(meeting=meeting_with_minutes, by=SYSTEM)
    later = held_meeting(eoc, days_ago=1, title="Next EOC meeting")
    item = services.agenda_item_add(
        meeting=later, title="Minutes", approves_minutes_of=meeting_with_minutes, by=SYSTEM
    )
    with pytest.raises(GovernanceError, match="Record who attended Next EOC meeting"):
        services.minutes_approve(meeting=meeting_with_minutes, at_item=item, by=SYSTEM)
    services.attendance_record(meeting=later, person=eoc_member, status="present", by=SYSTEM)
    # The EOC's quorum is a third of its 12 places: one member present is not enough.
    with pytest.raises(GovernanceError, match=r"was not quorate.*had 1 of the 4 members needed"):
        services.minutes_approve(meeting=meeting_with_minutes, at_item=item, by=SYSTEM)
    meeting_with_minutes.minutes.refresh_from_db()
    assert meeting_with_minutes.minutes.status == Minutes.Status.CIRCULATED
    eoc.quorum = 1
    eoc.save()
    minutes = services.minutes_approve(meeting=meeting_with_minutes, at_item=item, by=SYSTEM)
    assert minutes.status == Minutes.Status.APPROVED


def test_the_minutes_email_shows_names_literally_in_subject_and_body(
    eoc, eoc_member, meeting_with_minutes, django_capture_on_commit_callbacks
):
    meeting_with_minutes.title = "V&P and EOC: Councils' review"
    meeting_with_minutes.save()
    eoc_member.full_name, eoc_member.email = "Siân O'Brien", "sian@example.org"
    eoc_member.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.minutes_circulate(meeting=meeting_with_minutes, by=SYSTEM)
    [sent] = mail.outbox
    parsed = message_from_bytes(sent.message().as_bytes(), policy=default_policy)
    assert parsed["Subject"] == "Draft minutes for comment: V&P and EOC: Councils' review"
    body = parsed.get_body(preferencelist=("plain",)).get_content()
    assert "Dear Siân O'Brien," in body
    assert "The draft minutes of V&P and EOC: Councils' review on" in body
    assert "&amp;" not in body
    assert "&#x27;" not in body
