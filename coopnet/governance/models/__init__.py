"""Governance bodies and seats, meetings and minutes, and governing documents."""

from .bodies import (
    Appointment,
    AppointmentQuerySet,
    Body,
    Constituency,
    MemberProfile,
    Office,
    Seat,
)
from .documents import DocumentVersion, GovernanceDocument
from .meetings import (
    Action,
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    Minutes,
    MinutesComment,
    Paper,
)

__all__ = [
    "Action",
    "AgendaItem",
    "Appointment",
    "AppointmentQuerySet",
    "Attendance",
    "Body",
    "Constituency",
    "Decision",
    "DocumentVersion",
    "GovernanceDocument",
    "Meeting",
    "MemberProfile",
    "Minutes",
    "MinutesComment",
    "Office",
    "Paper",
    "Seat",
]
