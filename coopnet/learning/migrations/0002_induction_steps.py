from django.db import migrations

from coopnet.learning.phases import load_steps


def forwards(apps, schema_editor):
    load_steps(apps.get_model("learning", "InductionStep"))


class Migration(migrations.Migration):
    dependencies = [("learning", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
