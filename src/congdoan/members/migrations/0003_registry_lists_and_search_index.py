"""Loads the ethnicity and religion lists; on PostgreSQL, a trigram index for name search."""

from django.db import migrations

from congdoan.members.reference import load_registry_lists

TRIGRAM_INDEX = (
    "CREATE INDEX IF NOT EXISTS members_person_search_trgm "
    "ON members_person USING gin (search_text gin_trgm_ops)"
)


def load(apps, schema_editor):
    load_registry_lists(apps.get_model("members", "Ethnicity"), apps.get_model("members", "Religion"))


def add_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(TRIGRAM_INDEX)


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS members_person_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("members", "0002_initial")]
    operations = [
        migrations.RunPython(load, migrations.RunPython.noop),
        migrations.RunPython(add_trigram_index, drop_trigram_index),
    ]
