from django.db import migrations


def load(apps, schema_editor):
    from coopnet.knowledge.reference import load_reference

    load_reference(apps.get_model("knowledge", "Theme"), apps.get_model("knowledge", "Action"))


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0002_library")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
