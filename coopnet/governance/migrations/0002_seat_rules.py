import django.db.models.deletion
from django.db import migrations, models


def _quorum():
    return models.PositiveSmallIntegerField(
        blank=True,
        help_text="How many members must attend for a meeting to be quorate. Leave empty to use a third of the places, rounded up.",
        null=True,
        verbose_name="quorum",
    )


def _term_years():
    return models.PositiveSmallIntegerField(
        default=2, help_text="Elections are held this often.", verbose_name="term in years"
    )


class Migration(migrations.Migration):

    dependencies = [
        ("governance", "0001_initial"),
        ("members", "0003_organisation_name_index"),
    ]

    operations = [
        migrations.AddField(model_name="body", name="quorum", field=_quorum()),
        migrations.AddField(model_name="historicalbody", name="quorum", field=_quorum()),
        migrations.AddField(model_name="body", name="term_years", field=_term_years()),
        migrations.AddField(model_name="historicalbody", name="term_years", field=_term_years()),
        migrations.AddField(
            model_name="seat",
            name="ex_officio_of",
            field=models.ForeignKey(
                blank=True,
                help_text="For ex officio seats: the seat (on any body) whose holder sits here.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="ex_officio_seats",
                to="governance.seat",
                verbose_name="held ex officio by the holder of",
            ),
        ),
        migrations.AddField(
            model_name="historicalseat",
            name="ex_officio_of",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="For ex officio seats: the seat (on any body) whose holder sits here.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="governance.seat",
                verbose_name="held ex officio by the holder of",
            ),
        ),
        migrations.AddField(
            model_name="seat",
            name="reserved_for",
            field=models.ForeignKey(
                blank=True,
                help_text="For the Accountable Body's seat: the organisation whose representative sits.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="reserved_seats",
                to="members.organisation",
                verbose_name="reserved for",
            ),
        ),
        migrations.AddField(
            model_name="historicalseat",
            name="reserved_for",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="For the Accountable Body's seat: the organisation whose representative sits.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="members.organisation",
                verbose_name="reserved for",
            ),
        ),
    ]
