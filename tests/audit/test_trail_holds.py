"""Entries outlive their unit and their actor; on PostgreSQL the table refuses UPDATE and DELETE;
sign-ins, sign-outs and failures are recorded with the address; back-office edits are recorded."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import reverse

from congdoan.accounts.models import User
from congdoan.audit.models import AuditEntry
from congdoan.audit.services import audit_record
from congdoan.org.models import Sector
from tests.factories import make_unit


def _unit_with_history(world):
    unit = make_unit("G9", "Công đoàn Công ty Tạm", "grassroots", world.dd, on=date(2010, 1, 1))
    actor = User.objects.create_user("tam", first_name="Văn Tâm", last_name="Trần")
    return unit, actor, audit_record(actor=actor, action="member.update", target="DV1", unit=unit)


def test_an_entry_keeps_the_unit_and_actor_names_after_both_are_deleted(world):
    unit, actor, entry = _unit_with_history(world)
    unit.versions.all().delete()
    unit.delete()
    actor.delete()
    entry.refresh_from_db()
    assert (entry.unit_id, entry.actor_id) == (None, None)
    assert (entry.unit_code, entry.unit_name) == ("G9", "Công đoàn Công ty Tạm")
    assert (entry.actor_username, entry.actor_name) == ("tam", "Văn Tâm Trần")


@pytest.mark.postgres
def test_on_postgresql_the_trail_refuses_update_and_delete(world):
    if connection.vendor != "postgresql":
        pytest.skip("the trigger is PostgreSQL's: run with scripts/with-postgres.sh")
    unit, actor, entry = _unit_with_history(world)
    for statement in (
        "UPDATE audit_auditentry SET target = 'forged' WHERE id = %s",
        "UPDATE audit_auditentry SET unit_code = '', unit_id = NULL WHERE id = %s",
        "DELETE FROM audit_auditentry WHERE id = %s",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement, [entry.pk])
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).delete()
    entry.refresh_from_db()
    assert entry.target == "DV1"
    unit.versions.all().delete()
    unit.delete()  # the only update let through: the key goes null, the names stay
    actor.delete()
    entry.refresh_from_db()
    assert (entry.unit_id, entry.actor_id, entry.unit_code, entry.target) == (
        None,
        None,
        "G9",
        "DV1",
    )


def test_sign_in_sign_out_and_failures_are_recorded_with_the_address(world):
    world.dana.set_password("một mật khẩu dài đủ 12")
    world.dana.save()
    client = Client(REMOTE_ADDR="203.0.113.7")
    login = reverse("login")
    client.post(login, {"username": "dana", "password": "sai mật khẩu"})
    client.post(login, {"username": "dana", "password": "một mật khẩu dài đủ 12"})
    client.post(reverse("logout"))
    rows = list(
        AuditEntry.objects.filter(action__startswith="auth.")
        .order_by("id")
        .values_list("action", "target", "actor_username", "address")
    )
    assert rows == [
        ("auth.login_failed", "dana", "", "203.0.113.7"),
        ("auth.login", "dana", "dana", "203.0.113.7"),
        ("auth.logout", "dana", "dana", "203.0.113.7"),
    ]


def test_a_back_office_edit_records_the_fields_it_changed(world):
    sector = Sector.objects.first()
    old_name = sector.name
    client = Client()
    client.force_login(world.alice)
    url = reverse("admin:org_sector_change", args=[sector.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form.initial.get(name, "") for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    data["name"] = "Khu vực đổi tên"
    answer = client.post(url, data)
    assert answer.status_code == 302, answer.context["adminform"].form.errors
    entry = AuditEntry.objects.get(action="admin.change")
    assert entry.before == {"name": old_name} and entry.after == {"name": "Khu vực đổi tên"}
    assert (entry.actor_username, entry.object_type) == ("alice", "org.sector")
    client.post(reverse("admin:org_sector_delete", args=[sector.pk]), {"post": "yes"})
    if not Sector.objects.filter(pk=sector.pk).exists():
        deleted = AuditEntry.objects.get(action="admin.delete")
        assert deleted.before["name"] == "Khu vực đổi tên"


def test_every_back_office_model_admin_is_audited():
    from django.contrib import admin

    from congdoan.audit.admin_trail import AuditedAdminMixin

    assert all(isinstance(ma, AuditedAdminMixin) for ma in admin.site._registry.values())
