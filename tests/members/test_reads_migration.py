"""Readings logged before the SensitiveRead log (one user, one person, a purpose word) are carried
into it by migration 0005, each naming its person."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("members", "0004_alter_membership_entry_kind")]
AFTER = [("members", "0005_sensitive_reads_consent_health")]


@pytest.mark.django_db(transaction=True)
def test_old_readings_become_readings_of_their_person():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        _carry_over()
    finally:  # the database back at the latest state, whatever happened
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


def _carry_over():
    executor = MigrationExecutor(connection)
    old = executor.loader.project_state(BEFORE).apps
    user = get_user_model().objects.create(username="cu")  # accounts stays at its latest
    user = old.get_model("accounts", "User").objects.only("pk").get(pk=user.pk)
    person = old.get_model("members", "Person").objects.create(
        family_name="Hà", given_name="Cũ", gender="M", birth_date=date(1980, 1, 1)
    )
    old.get_model("members", "SensitiveAccess").objects.create(
        user=user, person=person, fields="ethnicity,religion", purpose="edit"
    )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    read = new.get_model("members", "SensitiveRead").objects.get()
    assert (read.username, read.kind, read.fields) == ("cu", "edit", "ethnicity,religion")
    through = new.get_model("members", "SensitiveReadPerson").objects.get()
    assert (through.read_id, through.person_id) == (read.pk, person.pk)
