"""Officials are people holding posts: the model now lives in members, on the same table.
State only: the table org_official stays where it is, with its rows."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("org", "0004_unit_ended_by_successors"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Official")],
            database_operations=[],
        ),
    ]
