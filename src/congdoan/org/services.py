"""Every change to the organisation tree: one function per reorganisation, each in one
transaction, checked against the actor's scope, tied to a decision, and audited."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.accounts.scope import scope_for
from congdoan.audit.changes import only_changed
from congdoan.audit.models import AuditEntry
from congdoan.audit.services import build_entry
from congdoan.core.text import format_date, normalize_text, search_text
from congdoan.org.models import Decision, Reorganisation, Sector, Unit, UnitType, UnitVersion
from congdoan.org.versioning import (
    close_version,
    move_subtree,
    open_version,
    replace_version,
    require_changeable_on,
    start_version,
)

DECISION_NUMBER = re.compile(r"^\d{1,6}/[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*$")


@dataclass(frozen=True)
class DecisionInput:
    number: str
    signed_on: date | None
    signer: str
    reason: str = ""


@dataclass(frozen=True)
class NewUnit:
    code: str
    name: str
    short_name: str = ""


def decision_for(data: DecisionInput) -> Decision:
    number = normalize_text(data.number or "").upper()
    if not number:
        raise ValidationError(_("Thiếu số quyết định."))
    if not DECISION_NUMBER.match(number):
        raise ValidationError(
            _("Số quyết định “%(number)s” không đúng dạng, ví dụ: 1940/QĐ-LĐLĐ.")
            % {"number": number}
        )
    if data.signed_on is None:
        raise ValidationError(_("Thiếu ngày ký quyết định."))
    signer = normalize_text(data.signer or "")
    if not signer:
        raise ValidationError(_("Thiếu người ký quyết định."))
    decision, _created = Decision.objects.get_or_create(
        number=number,
        signed_on=data.signed_on,
        defaults={"signer": signer, "reason": normalize_text(data.reason or "")},
    )
    return decision


class _PreviewOnly(Exception):
    pass


def preview(service: Callable[..., Reorganisation], **kwargs: Any) -> list[str]:
    """Run a reorganisation, read what it would change, and undo it all."""
    lines: list[str] = []
    try:
        with transaction.atomic():
            lines = list(service(**kwargs).summary)
            raise _PreviewOnly
    except _PreviewOnly:
        return lines


def _require_org_edit(actor, *units: Unit) -> None:
    scope = scope_for(actor)
    for unit in units:
        if not scope.can_edit_org(unit):
            raise PermissionDenied(
                _("Bạn không có quyền thay đổi đơn vị %(code)s (ngoài phạm vi được giao).")
                % {"code": unit.code}
            )


def _begin(kind: str, *, actor, effective: date, decision: DecisionInput) -> Reorganisation:
    if effective is None:
        raise ValidationError(_("Thiếu ngày hiệu lực."))
    return Reorganisation.objects.create(
        kind=kind, effective_on=effective, decision=decision_for(decision), actor=actor
    )


def _snapshot(version: UnitVersion | None) -> dict | None:
    if version is None:
        return None
    return {
        "name": version.name,
        "short_name": version.short_name,
        "parent": version.parent.code if version.parent_id else None,
        "valid_from": version.valid_from.isoformat(),
    }


def _audit(change: Reorganisation, actor, rows: Iterable[tuple[Unit, Any, Any]]) -> None:
    decision = str(change.decision)
    AuditEntry.objects.bulk_create(
        build_entry(
            actor=actor,
            action=f"org.{change.kind}",
            unit=unit,
            target=unit.code,
            object_type="org.unit",
            before=before,
            after={
                **(after or {}),
                "decision": decision,
                "effective_on": change.effective_on.isoformat(),
            },
        )
        for unit, before, after in (_changed(row) for row in rows)
    )


def _changed(row: tuple[Unit, Any, Any]) -> tuple[Unit, Any, Any]:
    """A unit's version before and after, down to what changed (the date is the change's)."""
    unit, before, after = row
    if before is None or after is None:
        return row
    before, after = only_changed(
        {k: v for k, v in before.items() if k != "valid_from"},
        {k: v for k, v in after.items() if k != "valid_from"},
    )
    return unit, before, after


def _finish(change: Reorganisation, lines: list[str]) -> Reorganisation:
    change.summary = lines
    change.save(update_fields=["summary"])
    return change


def _refresh_search_text(unit: Unit) -> None:
    names = unit.versions.values_list("name", "short_name")
    unit.search_text = search_text(
        unit.code, unit.unit_type.name, *(n for pair in names for n in pair if n)
    )
    unit.save(update_fields=["search_text"])


def _check_level(child_type: UnitType, parent: Unit | None, child_label: str) -> None:
    if parent is not None and parent.unit_type.level >= child_type.level:
        raise ValidationError(
            _("%(child)s (%(type)s) không thể trực thuộc %(parent)s (%(ptype)s).")
            % {
                "child": child_label,
                "type": child_type,
                "parent": parent.code,
                "ptype": parent.unit_type,
            }
        )


@transaction.atomic
def unit_establish(
    *,
    actor,
    code: str,
    name: str,
    unit_type: UnitType,
    parent: Unit | None,
    effective: date,
    decision: DecisionInput,
    short_name: str = "",
    sector: Sector | None = None,
    province_code: int | None = None,
    ward_code: int | None = None,
    address: str = "",
) -> Reorganisation:
    code = normalize_text(code or "").upper()
    name = normalize_text(name or "")
    if not code or not name:
        raise ValidationError(_("Mã và tên đơn vị là bắt buộc."))
    if Unit.objects.filter(code=code).exists():
        raise ValidationError(_("Mã đơn vị %(code)s đã được dùng.") % {"code": code})
    if parent is None and not scope_for(actor).everything:
        raise PermissionDenied(_("Chỉ quản trị hệ thống được lập đơn vị không có cấp trên."))
    if parent is not None:
        _require_org_edit(actor, parent)
    _check_level(unit_type, parent, name)
    change = _begin(
        Reorganisation.Kind.ESTABLISH, actor=actor, effective=effective, decision=decision
    )
    unit = Unit.objects.create(
        code=code,
        unit_type=unit_type,
        sector=sector,
        province_code=province_code,
        ward_code=ward_code,
        address=normalize_text(address or ""),
        established_on=effective,
    )
    version = start_version(
        unit,
        parent=parent,
        name=name,
        short_name=normalize_text(short_name),
        day=effective,
        change=change,
    )
    _refresh_search_text(unit)
    _audit(change, actor, [(unit, None, _snapshot(version))])
    where = version.parent and open_version(version.parent).name
    return _finish(
        change,
        [
            _("Thành lập %(name)s (%(code)s) trực thuộc %(parent)s từ %(day)s.")
            % {"name": name, "code": code, "parent": where or "—", "day": format_date(effective)}
        ],
    )


@transaction.atomic
def unit_rename(
    *,
    actor,
    unit: Unit,
    name: str,
    effective: date,
    decision: DecisionInput,
    short_name: str = "",
) -> Reorganisation:
    _require_org_edit(actor, unit)
    name = normalize_text(name or "")
    if not name:
        raise ValidationError(_("Tên mới là bắt buộc."))
    change = _begin(Reorganisation.Kind.RENAME, actor=actor, effective=effective, decision=decision)
    old = require_changeable_on(unit, effective)
    before = _snapshot(old)
    new = replace_version(
        old, day=effective, change=change, name=name, short_name=normalize_text(short_name or "")
    )
    _refresh_search_text(unit)
    _audit(change, actor, [(unit, before, _snapshot(new))])
    return _finish(
        change,
        [
            _("Đổi tên “%(old)s” thành “%(new)s” từ %(day)s.")
            % {"old": old.name, "new": name, "day": format_date(effective)}
        ],
    )


def _move(
    unit: Unit,
    new_parent: Unit,
    *,
    actor,
    effective: date,
    change: Reorganisation,
    audit_rows: list,
) -> str:
    old = require_changeable_on(unit, effective)
    target = open_version(new_parent)
    if new_parent.pk == unit.pk or target.path.startswith(old.path):
        raise ValidationError(
            _("Không thể chuyển %(name)s vào chính nó hoặc đơn vị cấp dưới của nó.")
            % {"name": old.name}
        )
    if old.parent_id == new_parent.pk:
        raise ValidationError(
            _("%(name)s đã trực thuộc %(parent)s.") % {"name": old.name, "parent": target.name}
        )
    _check_level(unit.unit_type, new_parent, old.name)
    before = _snapshot(old)
    moved = move_subtree(old, new_parent=new_parent, day=effective, change=change)
    audit_rows.append((unit, before, _snapshot(moved)))
    previous = open_version(old.parent).name if old.parent_id else "—"
    return _("Chuyển %(name)s từ %(old)s sang %(new)s từ %(day)s.") % {
        "name": old.name,
        "old": previous,
        "new": target.name,
        "day": format_date(effective),
    }


@transaction.atomic
def unit_move(
    *, actor, unit: Unit, new_parent: Unit, effective: date, decision: DecisionInput
) -> Reorganisation:
    _require_org_edit(actor, unit, new_parent)
    change = _begin(Reorganisation.Kind.MOVE, actor=actor, effective=effective, decision=decision)
    rows: list = []
    line = _move(unit, new_parent, actor=actor, effective=effective, change=change, audit_rows=rows)
    _audit(change, actor, rows)
    return _finish(change, [line])


def _end(unit: Unit, *, effective: date, change: Reorganisation, audit_rows: list) -> str:
    version = require_changeable_on(unit, effective)
    remaining = UnitVersion.objects.open().filter(parent=unit).count()
    if remaining:
        raise ValidationError(
            _("%(name)s còn %(n)s đơn vị trực thuộc; hãy chuyển hoặc hợp nhất trước khi kết thúc.")
            % {"name": version.name, "n": remaining}
        )
    close_version(version, effective)
    unit.ended_on = effective
    unit.ended_by = change
    unit.save(update_fields=["ended_on", "ended_by"])
    # What changed is the end date (the name and place stay those of its last day).
    audit_rows.append((unit, {"ended_on": None}, {"ended_on": effective.isoformat()}))
    return _("Kết thúc hoạt động của %(name)s từ %(day)s.") % {
        "name": version.name,
        "day": format_date(effective),
    }


@transaction.atomic
def unit_end(*, actor, unit: Unit, effective: date, decision: DecisionInput) -> Reorganisation:
    _require_org_edit(actor, unit)
    change = _begin(Reorganisation.Kind.END, actor=actor, effective=effective, decision=decision)
    rows: list = []
    line = _end(unit, effective=effective, change=change, audit_rows=rows)
    _audit(change, actor, rows)
    return _finish(change, [line])


def _hand_over_children(
    source: Unit, target: Unit, *, actor, effective: date, change: Reorganisation, rows: list
) -> list[str]:
    children = Unit.objects.filter(
        pk__in=UnitVersion.objects.open().filter(parent=source).values("unit_id")
    ).select_related("unit_type")
    return [
        _move(child, target, actor=actor, effective=effective, change=change, audit_rows=rows)
        for child in children.order_by("code")
    ]


@transaction.atomic
def units_merge(
    *, actor, sources: list[Unit], target: Unit, effective: date, decision: DecisionInput
) -> Reorganisation:
    """Merge units into a target: their children pass to the target, then they end."""
    if not sources:
        raise ValidationError(_("Chọn ít nhất một đơn vị để hợp nhất."))
    if any(source.pk == target.pk for source in sources):
        raise ValidationError(_("Không thể hợp nhất một đơn vị vào chính nó."))
    _require_org_edit(actor, target, *sources)
    target_version = open_version(target)
    change = _begin(Reorganisation.Kind.MERGE, actor=actor, effective=effective, decision=decision)
    change.successors.add(target)
    rows: list = []
    lines: list[str] = []
    for source in sources:
        source_version = require_changeable_on(source, effective)
        if target_version.path.startswith(source_version.path):
            raise ValidationError(
                _("Không thể hợp nhất %(name)s vào đơn vị cấp dưới của nó.")
                % {"name": source_version.name}
            )
        lines += _hand_over_children(
            source, target, actor=actor, effective=effective, change=change, rows=rows
        )
        lines.append(_end(source, effective=effective, change=change, audit_rows=rows))
        lines.append(
            _("%(source)s hợp nhất vào %(target)s.")
            % {"source": source_version.name, "target": target_version.name}
        )
    _audit(change, actor, rows)
    return _finish(change, lines)


@transaction.atomic
def unit_split(
    *,
    actor,
    unit: Unit,
    parts: list[NewUnit],
    assignment: dict[int, int],
    effective: date,
    decision: DecisionInput,
) -> Reorganisation:
    """Split a unit into new units beside it; each child goes to the part it is assigned to."""
    if len(parts) < 2:
        raise ValidationError(_("Chia tách cần ít nhất hai đơn vị mới."))
    _require_org_edit(actor, unit)
    version = require_changeable_on(unit, effective)
    child_ids = set(
        UnitVersion.objects.open().filter(parent=unit).values_list("unit_id", flat=True)
    )
    unassigned = child_ids - set(assignment)
    if unassigned or any(not 0 <= i < len(parts) for i in assignment.values()):
        raise ValidationError(
            _("Mỗi đơn vị trực thuộc %(name)s phải được giao cho một đơn vị mới.")
            % {"name": version.name}
        )
    change = _begin(Reorganisation.Kind.SPLIT, actor=actor, effective=effective, decision=decision)
    new_units = []
    lines: list[str] = []
    for part in parts:
        established = unit_establish(
            actor=actor,
            code=part.code,
            name=part.name,
            short_name=part.short_name,
            unit_type=unit.unit_type,
            parent=version.parent,
            sector=unit.sector,
            province_code=unit.province_code,
            ward_code=unit.ward_code,
            effective=effective,
            decision=decision,
        )
        new_units.append(Unit.objects.get(code=normalize_text(part.code).upper()))
        lines += established.summary
    change.successors.add(*new_units)
    rows: list = []
    for child in Unit.objects.filter(pk__in=child_ids).select_related("unit_type").order_by("code"):
        target = new_units[assignment[child.pk]]
        lines.append(
            _move(child, target, actor=actor, effective=effective, change=change, audit_rows=rows)
        )
    lines.append(_end(unit, effective=effective, change=change, audit_rows=rows))
    _audit(change, actor, rows)
    return _finish(change, lines)
