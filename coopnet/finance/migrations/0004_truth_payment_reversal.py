import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def _fields(model_name: str, historical: bool) -> list[migrations.AddField]:
    reversed_by = (
        models.ForeignKey(
            blank=True,
            db_constraint=False,
            null=True,
            on_delete=django.db.models.deletion.DO_NOTHING,
            related_name="+",
            to=settings.AUTH_USER_MODEL,
            verbose_name="reversed by",
        )
        if historical
        else models.ForeignKey(
            blank=True,
            null=True,
            on_delete=django.db.models.deletion.PROTECT,
            related_name="+",
            to=settings.AUTH_USER_MODEL,
            verbose_name="reversed by",
        )
    )
    return [
        migrations.AddField(
            model_name=model_name,
            name="reversed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="reversed at"),
        ),
        migrations.AddField(model_name=model_name, name="reversed_by", field=reversed_by),
        migrations.AddField(
            model_name=model_name,
            name="reversal_reason",
            field=models.TextField(blank=True, verbose_name="reason for reversing"),
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("finance", "0003_supplier_kind"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [*_fields("payment", False), *_fields("historicalpayment", True)]
