"""On PostgreSQL the audit table refuses UPDATE and DELETE.

The one update it lets through is the database's own ON DELETE SET NULL: when the unit or the
user an entry points at is deleted, the key goes null and every other column stays as it was
(the entry keeps the unit's code and name and the actor's user name)."""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND (NEW.unit_id IS NULL OR NEW.unit_id = OLD.unit_id)
       AND (NEW.actor_id IS NULL OR NEW.actor_id = OLD.actor_id)
       AND (to_jsonb(NEW) - 'unit_id' - 'actor_id') = (to_jsonb(OLD) - 'unit_id' - 'actor_id')
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit trail is append-only: % refused on audit_auditentry', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""
TRIGGERS = """
DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_auditentry;
CREATE TRIGGER audit_entry_append_only
    BEFORE UPDATE OR DELETE ON audit_auditentry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
"""
DROP = """
DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_auditentry;
DROP FUNCTION IF EXISTS audit_entry_append_only();
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTION, params=None)
        schema_editor.execute(TRIGGERS, params=None)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_entries_outlive_units_and_actors")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
