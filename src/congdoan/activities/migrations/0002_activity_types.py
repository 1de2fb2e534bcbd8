"""Loads the starting activity types and their fields."""

from django.db import migrations

from congdoan.activities.reference import load_activity_types


def load(apps, schema_editor):
    load_activity_types(
        apps.get_model("activities", "ActivityType"), apps.get_model("activities", "ActivityField")
    )


class Migration(migrations.Migration):
    dependencies = [("activities", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
