from django.db import migrations

AUDIENCE_CODES = ["students", "companies", "alumni", "faculty-partners"]


def create_audiences(apps, schema_editor):
    Audience = apps.get_model("hub", "Audience")
    for code in AUDIENCE_CODES:
        Audience.objects.get_or_create(code=code)


def delete_audiences(apps, schema_editor):
    """The reverse: the audiences this migration made go, and with them the items' links to
    them (the through table's rows cascade)."""
    Audience = apps.get_model("hub", "Audience")
    Audience.objects.filter(code__in=AUDIENCE_CODES).delete()


class Migration(migrations.Migration):
    dependencies = [("hub", "0001_initial")]

    operations = [migrations.RunPython(create_audiences, delete_audiences)]
