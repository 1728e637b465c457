"""CSV rows and helpers shared by the import tests."""

from __future__ import annotations

from typing import Any

from coopnet.core.actors import System
from coopnet.members.models import Membership, Organisation

ORG_HEADER = (
    "slug,name,kind,la_code,area_la_code,website,email,phone,description,registered_id,is_public"
)
OLDHAM = "oldham,Oldham Council,principal_council,OLD,,https://www.oldham.gov.uk,,,,,yes"
SADDLEWORTH = "saddleworth,Saddleworth Parish Council,local_council,,OLD,,,,,,yes"
MS_HEADER = "organisation,person,category,start,end,end_reason,source,start_is_approximate"


def csv_file(*lines: str, bom: bool = False) -> bytes:
    text = "\r\n".join(lines) + "\r\n"
    return ("\ufeff" if bom else "").encode() + text.encode("utf-8")


def registry() -> tuple[Any, ...]:
    """Everything an import could write, including history, to show nothing was."""
    orgs = list(Organisation.objects.order_by("pk").values_list())
    memberships = list(Membership.objects.order_by("pk").values_list())
    history = Organisation.history.count(), Membership.history.count()
    return orgs, memberships, *history


def refused(importer: Any, data: bytes, *messages: str) -> None:
    """The file is refused with these messages, and the registry is exactly as it was."""
    before = registry()
    report = importer(data=data, by=System("tests"))
    texts = [str(e) for e in report.errors]
    for message in messages:
        assert message in texts, texts
    assert not report.written
    assert registry() == before
