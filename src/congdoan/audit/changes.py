"""What changed in a row: its fields as JSON before and after, and only those that differ.

Values are kept as the trail shows them: dates ISO, numbers as text, a related row by its name,
a choice by its label. Sensitive personal fields are compared in full but kept masked
(`0010******13`): the trail says who changed a citizen ID and when, and the append-only table
never holds one that the retention rule would have to erase.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import models

# Fields the trail keeps masked, per model (app_label.model_name).
MASKED_FIELDS: dict[str, frozenset[str]] = {
    "members.person": frozenset(
        {
            "citizen_id",
            "id_issued_on",
            "phone",
            "address",
            "ethnicity",
            "religion",
            "party_joined_on",
            "party_confirmed_on",
            "health",
        }
    ),
}


def object_type(instance: Any) -> str:
    meta = getattr(instance, "_meta", None)
    return meta.label_lower if meta is not None else ""


def audited_fields(instance: models.Model) -> list[models.Field]:
    """The fields a user edits: concrete, editable, not the key nor a timestamp."""
    return [
        field
        for field in instance._meta.concrete_fields
        if field.editable and not field.primary_key
    ]


def snapshot(instance: models.Model, fields: Any = None) -> dict[str, Any]:
    """The instance's audited fields as JSON values (take it before changing the instance)."""
    wanted = set(fields) if fields is not None else None
    return {
        field.name: _value(instance, field)
        for field in audited_fields(instance)
        if wanted is None or field.name in wanted
    }


def changed_fields(instance: Any, before: dict, after: dict) -> tuple[dict, dict]:
    """The fields whose value differs, as (old values, new values), masked where they must."""
    masked = MASKED_FIELDS.get(object_type(instance), frozenset())
    old, new = only_changed(before, after)
    return (
        {name: _shown(name, value, masked) for name, value in old.items()},
        {name: _shown(name, value, masked) for name, value in new.items()},
    )


def only_changed(before: dict | None, after: dict | None) -> tuple[dict, dict]:
    """Of two dicts of values, the keys whose value differs (a missing key counts as None)."""
    before, after = before or {}, after or {}
    names = [name for name in after if before.get(name) != after[name]]
    names += [name for name in before if name not in after and before[name] is not None]
    return (
        {name: before.get(name) for name in names},
        {name: after.get(name) for name in names},
    )


def mask(value: Any) -> Any:
    """Keep a hint of a sensitive number (0010******13, 0912****78); hide anything else."""
    if value in (None, ""):
        return value
    text = str(value)
    if not text.isdigit() or len(text) < 6:
        return "***"
    keep = 4 if len(text) >= 10 else 2
    return text[:keep] + "*" * (len(text) - keep - 2) + text[-2:]


def _shown(name: str, value: Any, masked: frozenset[str]) -> Any:
    return mask(value) if name in masked else value


def _value(instance: models.Model, field: models.Field) -> Any:
    if field.is_relation:
        if getattr(instance, field.attname) is None:
            return None
        return str(getattr(instance, field.name))
    value = getattr(instance, field.attname)
    if field.choices and value not in (None, ""):
        return str(dict(field.flatchoices).get(value, value))
    return plain(value)


def plain(value: Any) -> Any:
    """A value as JSON: dates ISO, decimals as text, anything unknown by its str."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):  # 90.00 and 90 are the same value: both read "90"
        return format(value.normalize(), "f") if value.is_finite() else str(value)
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    return str(value)
