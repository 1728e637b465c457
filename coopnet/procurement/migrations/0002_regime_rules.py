from django.db import migrations


def load(apps, schema_editor):
    from coopnet.procurement.regimes import load_regime_rules

    load_regime_rules(apps.get_model("procurement", "RegimeRules"))


class Migration(migrations.Migration):
    dependencies = [("procurement", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
