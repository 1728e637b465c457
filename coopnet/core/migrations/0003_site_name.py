from django.conf import settings
from django.db import migrations


def name_the_site(apps, schema_editor):
    """allauth's emails greet from the Sites framework's site: name it after the network."""
    Site = apps.get_model("sites", "Site")
    domain = settings.SITE_URL.split("://", 1)[-1].rstrip("/")
    Site.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain, "name": settings.NETWORK_NAME}
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0002_principles"), ("sites", "0002_alter_domain_unique")]
    operations = [migrations.RunPython(name_the_site, migrations.RunPython.noop)]
