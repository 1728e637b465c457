"""What learning does when the registry announces a moment (`coopnet.core.hooks`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from coopnet.members.models import Membership

from .services import induction_start


def start_induction(*, membership: Membership, on: date, by: Any, **_: Any) -> None:
    """A new member organisation starts its three-phase induction on the day it is approved, in
    the approval's transaction, by the person (or system job) approving."""
    if membership.organisation is not None:
        induction_start(organisation=membership.organisation, by=by, on=on)
