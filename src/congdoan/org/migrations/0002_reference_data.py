"""Loads the starting reference lists: unit types, sectors, positions."""

from django.db import migrations

from congdoan.org.reference import load_reference_data


def load(apps, schema_editor):
    load_reference_data(
        apps.get_model("org", "UnitType"),
        apps.get_model("org", "Sector"),
        apps.get_model("org", "Position"),
    )


class Migration(migrations.Migration):
    dependencies = [("org", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
