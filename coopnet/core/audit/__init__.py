"""One audit trail: who (a person or a named system job) did what, to which records, when and why.

Every write service calls `audit_record(...)` (many writes of one job: `audit_records`) inside
its transaction, so the entry exists exactly when the write does. `about=` names the other
records the entry concerns (the organisation a bid is for, the person an appointment names), so
staff can read one organisation's or one person's whole trail (`audit_trail_for`).
Field-level history stays in django-simple-history, attributed
through the same actor (`coopnet.core.actors`).
"""

from .models import AuditEntry, AuditSubject
from .records import Audited, audit_record, audit_records, audit_trail_for

__all__ = [
    "AuditEntry",
    "AuditSubject",
    "Audited",
    "audit_record",
    "audit_records",
    "audit_trail_for",
]
