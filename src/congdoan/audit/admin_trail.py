"""Back-office edits in the trail: every ModelAdmin of the site records, for each row it adds,
changes or deletes (inline rows included), the fields that changed with old and new values.

`audit_back_office(site)` gives every registered ModelAdmin the mixin (AuditConfig.ready calls
it after the admin has discovered its modules), so no admin class can forget it."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models

from congdoan.audit.changes import changed_fields, object_type, plain, snapshot
from congdoan.audit.services import audit_record


def _unit_of(obj: models.Model):
    from congdoan.org.models import Unit

    if isinstance(obj, Unit):
        return obj
    unit = getattr(obj, "unit", None) if _has_field(obj, "unit") else None
    return unit if isinstance(unit, Unit) else None


def _has_field(obj: models.Model, name: str) -> bool:
    return any(field.name == name for field in obj._meta.concrete_fields)


def record_row(request, action: str, obj: models.Model, before: dict, after: dict) -> None:
    old, new = changed_fields(obj, before, after)
    if action == "admin.change" and not old and not new:
        return
    audit_record(
        actor=request.user,
        action=action,
        target=str(obj),
        unit=_unit_of(obj),
        before=old or None,
        after=new or None,
        object_type=object_type(obj),
    )


class AuditedAdminMixin:
    """Records what the back office changes; see the module's docstring."""

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None:
            obj._audit_before = snapshot(obj)
        return obj

    def save_model(self, request, obj, form, change) -> None:
        before = getattr(obj, "_audit_before", {}) if change else {}
        super().save_model(request, obj, form, change)
        record_row(request, "admin.change" if change else "admin.add", obj, before, snapshot(obj))
        obj._audit_before = snapshot(obj)

    def delete_model(self, request, obj) -> None:
        record_row(request, "admin.delete", obj, snapshot(obj), {})
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset) -> None:
        for obj in queryset:
            record_row(request, "admin.delete", obj, snapshot(obj), {})
        super().delete_queryset(request, queryset)

    def save_formset(self, request, form, formset, change) -> None:
        for inline in formset.forms:
            _record_inline(request, formset, inline)
        super().save_formset(request, form, formset, change)


def _record_inline(request, formset, inline) -> None:
    obj = inline.instance
    if inline in getattr(formset, "deleted_forms", ()) and obj.pk:
        record_row(request, "admin.delete", obj, _initial(inline, inline.initial), {})
    elif inline.has_changed() and not inline.errors:
        names = inline.changed_data
        before = _initial(inline, {k: v for k, v in inline.initial.items() if k in names})
        after = {name: plain(inline.cleaned_data.get(name)) for name in names}
        action = "admin.change" if obj.pk else "admin.add"
        record_row(request, action, obj, before if obj.pk else {}, after)


def _initial(inline, values: dict[str, Any]) -> dict[str, Any]:
    shown = {}
    for name, value in values.items():
        field = inline.fields.get(name)
        queryset = getattr(field, "queryset", None)
        if queryset is not None and value is not None and not isinstance(value, list):
            value = str(queryset.filter(pk=value).first() or value)
        shown[name] = plain(value)
    return shown


def audit_back_office(site: admin.AdminSite) -> None:
    for model_admin in list(site._registry.values()):
        cls = type(model_admin)
        if issubclass(cls, AuditedAdminMixin):
            continue
        model_admin.__class__ = type(f"Audited{cls.__name__}", (AuditedAdminMixin, cls), {})
