from django.db import migrations


def load(apps, schema_editor):
    from coopnet.funding.schemes import load_schemes

    load_schemes(apps.get_model("funding", "Scheme"), apps.get_model("funding", "SchemeRule"))


class Migration(migrations.Migration):
    dependencies = [("funding", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
