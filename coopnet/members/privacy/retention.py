"""The registry's part of the personal-data registries (`coopnet.core.personal_data`): the
details an application copies, and how long exports and declined applications are kept."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from coopnet.core.personal_data import (
    ANONYMISE,
    ERASED_EMAIL,
    ERASED_NAME,
    register_copied_details,
    register_retention,
    words,
)

EXPORT_DAYS = 7
DECLINED_YEARS = 2


def _unread_exports(now: datetime) -> QuerySet:
    from ..models import SubjectAccessExport

    return SubjectAccessExport.objects.filter(
        state=SubjectAccessExport.State.READY, finished_at__lt=now - timedelta(days=EXPORT_DAYS)
    )


def _expire_exports(rows: QuerySet) -> int:
    from ..models import SubjectAccessExport

    count = 0
    for export in rows:
        export.file.delete(save=False)
        export.state = SubjectAccessExport.State.EXPIRED
        export.save(update_fields=["file", "state"])
        count += 1
    return count


def _declined_applications(now: datetime) -> QuerySet:
    from ..models import Application

    return Application.objects.filter(
        status=Application.Status.DECLINED,
        decided_on__lt=(now - timedelta(days=365 * DECLINED_YEARS)).date(),
    ).exclude(applicant_email__endswith="@erased.invalid")


APPLICANT_ERASED = {
    "applicant_name": ERASED_NAME,
    "applicant_email": ERASED_EMAIL,
    "applicant_job_title": "",
    "applicant_phone": "",
}


def _anonymise_applications(rows: QuerySet) -> int:
    from ..models import Application

    count = 0
    for application in rows:
        values = {
            field: (value(application) if callable(value) else value)
            for field, value in {
                **APPLICANT_ERASED,
                "invoice_name": "",
                "invoice_email": "",
                "invoice_phone": "",
                "voting_name": "",
                "voting_email": "",
            }.items()
        }
        Application.objects.filter(pk=application.pk).update(**values)
        Application.history.filter(id=application.pk).update(**values)
        count += 1
    return count


def register_personal_data() -> None:
    from coopnet.core.files import register_file

    # An export is never served by its address: its page hands it over once (and deletes it).
    register_file("members.SubjectAccessExport", "file", can_view=lambda user, export: False)
    register_copied_details(
        "members.Application", match="applicant_email", replace=APPLICANT_ERASED
    )
    register_copied_details(
        "members.Application",
        match="invoice_email",
        replace={"invoice_name": ERASED_NAME, "invoice_email": ERASED_EMAIL, "invoice_phone": ""},
    )
    register_copied_details(
        "members.Application",
        match="voting_email",
        replace={"voting_name": ERASED_NAME, "voting_email": ERASED_EMAIL},
    )
    register_retention(
        "members.subject_access_exports",
        title=_("Subject-access exports not downloaded"),
        keep=words(gettext_noop("%(days)d days after they are ready"), days=EXPORT_DAYS),
        due=_unread_exports,
        action=ANONYMISE,
        apply=_expire_exports,
    )
    register_retention(
        "members.declined_applications",
        title=_("Declined applications to join"),
        keep=words(gettext_noop("%(years)d years after the decision"), years=DECLINED_YEARS),
        due=_declined_applications,
        action=ANONYMISE,
        apply=_anonymise_applications,
    )
