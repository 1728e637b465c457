from django.db import migrations


def load(apps, schema_editor):
    from coopnet.members.reference import load_categories, load_local_authorities

    load_local_authorities(apps.get_model("members", "LocalAuthority"))
    load_categories(apps.get_model("members", "MembershipCategory"))


class Migration(migrations.Migration):
    dependencies = [("members", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
