"""Writing the audit trail; every service that changes data calls audit_record, and every
service that changes an existing row passes what changed (snapshot before, audit_changes after).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from congdoan.audit.changes import changed_fields, object_type, snapshot
from congdoan.audit.models import AuditEntry
from congdoan.org.models import UnitVersion

__all__ = ["audit_changes", "audit_record", "build_entry", "prime_unit_names", "snapshot"]


def build_entry(
    *,
    actor: Any,
    action: str,
    target: str,
    unit: Any = None,
    before: Any = None,
    after: Any = None,
    object_type: str = "",
    address: str | None = None,
) -> AuditEntry:
    """An unsaved entry that keeps the actor's and the unit's names (for bulk_create)."""
    user = actor if getattr(actor, "pk", None) else None
    return AuditEntry(
        actor=user,
        actor_username=user.get_username() if user else "",
        actor_name=(user.get_full_name() or "") if user else "",
        action=action,
        target=str(target)[:200],
        object_type=object_type,
        unit=unit,
        unit_code=unit.code if unit is not None else "",
        unit_name=_unit_name(unit),
        before=before,
        after=after,
        address=address,
    )


def audit_record(**fields: Any) -> AuditEntry:
    """Record one write (see build_entry for the arguments)."""
    entry = build_entry(**fields)
    entry.save()
    return entry


def audit_changes(
    *,
    actor: Any,
    action: str,
    instance: Any,
    before: dict,
    target: str,
    unit: Any = None,
    fields: Iterable[str] | None = None,
    extra: dict | None = None,
) -> AuditEntry | None:
    """Record the fields of `instance` that differ from `before` (a snapshot taken before the
    change), each with its old and new value; nothing is recorded when nothing changed."""
    old, new = changed_fields(instance, before, snapshot(instance, fields))
    if not old and not new and not extra:
        return None
    return audit_record(
        actor=actor,
        action=action,
        target=target,
        unit=unit,
        before=old,
        after={**new, **(extra or {})},
        object_type=object_type(instance),
    )


def prime_unit_names(units: Iterable[Any]) -> None:
    """Read the names entries keep for many units in one query (before a bulk of entries)."""
    by_pk = {unit.pk: unit for unit in units}
    latest = (
        UnitVersion.objects.filter(unit_id__in=by_pk)
        .order_by("unit_id", "valid_from")
        .values_list("unit_id", "name")
    )
    for pk, name in latest:  # the latest version's name comes last
        by_pk[pk]._audit_name = name


def _unit_name(unit: Any) -> str:
    if unit is None or not getattr(unit, "pk", None):
        return ""
    cached = getattr(unit, "_audit_name", None)
    if cached is None:
        cached = unit.versions.order_by("-valid_from").values_list("name", flat=True).first() or ""
        unit._audit_name = cached
    return cached
