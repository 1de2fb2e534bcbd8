"""An empty registry has its kept figures built already (there is nothing to count); a database
with records keeps counting live until `congdoan figures rebuild` builds them."""

from django.db import migrations


def mark_if_empty(apps, schema_editor):
    records = [
        apps.get_model("members", "Membership"),
        apps.get_model("members", "PartyReferral"),
        apps.get_model("activities", "Activity"),
    ]
    if not any(model.objects.exists() for model in records):
        apps.get_model("figures", "BuiltMark").objects.create()


class Migration(migrations.Migration):
    dependencies = [
        ("figures", "0001_initial"),
        ("members", "0006_birth_year_only"),
        ("activities", "0002_activity_types"),
    ]

    operations = [migrations.RunPython(mark_if_empty, migrations.RunPython.noop)]
