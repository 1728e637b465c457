"""One open role per person, organisation and kind.

Approving an application recorded the applicant's Contact role and accepting the invitation
recorded a second one. Before the constraint, duplicates are merged: the earliest open role is
kept (managing the profile if any duplicate did) and the others are removed.
"""

from django.db import migrations, models
from django.db.models import Count, Q


def merge_duplicates(apps, schema_editor):
    Role = apps.get_model("members", "Role")
    groups = (
        Role.objects.filter(end__isnull=True)
        .values("person_id", "organisation_id", "kind")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
    )
    for group in groups:
        roles = list(
            Role.objects.filter(
                end__isnull=True,
                person_id=group["person_id"],
                organisation_id=group["organisation_id"],
                kind=group["kind"],
            ).order_by("start", "pk")
        )
        keep, extra = roles[0], roles[1:]
        if any(r.manages_profile for r in extra) and not keep.manages_profile:
            keep.manages_profile = True
            keep.save(update_fields=["manages_profile"])
        Role.objects.filter(pk__in=[r.pk for r in extra]).delete()


class Migration(migrations.Migration):
    dependencies = [("members", "0005_supplier_kind")]

    operations = [
        migrations.RunPython(merge_duplicates, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="role",
            constraint=models.UniqueConstraint(
                condition=Q(end__isnull=True),
                fields=("person", "organisation", "kind"),
                name="one_open_role_per_person_organisation_kind",
                violation_error_message="This person already holds that role here.",
            ),
        ),
    ]
