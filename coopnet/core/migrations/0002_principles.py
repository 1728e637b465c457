from django.db import migrations


def load(apps, schema_editor):
    from coopnet.core.principles import load_principles

    load_principles(apps.get_model("core", "Principle"))


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
