"""Recording and correcting activities, and setting targets: one transaction each, scope
checked, audited. Bad input raises ValidationError with a Vietnamese message per field and
leaves nothing behind."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.accounts.scope import scope_for
from congdoan.activities.metrics import metric_choices
from congdoan.activities.models import Activity, ActivityField, ActivityType, Target
from congdoan.audit.services import audit_changes, audit_record, snapshot
from congdoan.core.params import FIRST_DAY, LAST_DAY
from congdoan.core.text import format_date, normalize_text
from congdoan.org.models import Unit

# An activity may be dated a little ahead (an event that starts tomorrow is entered today);
# further ahead it is a plan, not a record.
FUTURE_TOLERANCE = timedelta(days=3)
NUMBERS = ("people", "money", "quantity")


@dataclass
class ActivityInput:
    activity_type: ActivityType
    title: str
    started_on: date
    ended_on: date | None = None
    people: int | None = None
    money: int | None = None
    quantity: int | None = None
    details: dict = field(default_factory=dict)


def require_activity_keeper(actor, unit: Unit) -> None:
    if not scope_for(actor).can_edit_members(unit):
        raise PermissionDenied(
            _("Bạn không có quyền ghi hoạt động của đơn vị %(code)s.") % {"code": unit.code}
        )


def require_target_setter(actor, unit: Unit) -> None:
    if not scope_for(actor).can_edit_org(unit):
        raise PermissionDenied(
            _("Chỉ công đoàn cấp trên được giao chỉ tiêu cho đơn vị %(code)s.")
            % {"code": unit.code}
        )


def _values(unit: Unit, data: ActivityInput, today: date) -> dict:
    """The columns of the record, or ValidationError with every problem found."""
    errors: dict[str, list[str]] = {}
    kind = data.activity_type
    title = normalize_text(data.title or "")
    if not title:
        errors["title"] = [_("Hãy nhập nội dung hoạt động.")]
    errors.update(_date_errors(unit, data, today))
    numbers = _numbers(kind, data, errors)
    details = _details(kind, data.details or {}, errors)
    if errors:
        raise ValidationError(errors)
    return {
        "activity_type": kind,
        "title": title,
        "started_on": data.started_on,
        "ended_on": data.ended_on,
        "details": details,
        **numbers,
    }


def _date_errors(unit: Unit, data: ActivityInput, today: date) -> dict[str, list[str]]:
    errors = {}
    if data.started_on > today + FUTURE_TOLERANCE:
        errors["started_on"] = [
            _("Ngày %(day)s còn ở tương lai; chỉ ghi hoạt động đã diễn ra.")
            % {"day": format_date(data.started_on)}
        ]
    elif not unit.exists_on(data.started_on):
        errors["started_on"] = [
            _("Đơn vị %(code)s không hoạt động vào ngày %(day)s.")
            % {"code": unit.code, "day": format_date(data.started_on)}
        ]
    if data.ended_on is not None and data.ended_on < data.started_on:
        errors["ended_on"] = [_("Ngày kết thúc phải từ ngày bắt đầu trở đi.")]
    return errors


def _numbers(kind: ActivityType, data: ActivityInput, errors: dict) -> dict:
    used = dict(kind.measures)
    numbers = {}
    for name in NUMBERS:
        value = getattr(data, name)
        if value is not None and not isinstance(value, int):
            errors[name] = [_("Hãy nhập một số nguyên.")]
        elif value is not None and value < 0:
            errors[name] = [_("Số không được âm.")]
        numbers[name] = value if name in used else None
    return numbers


def _details(kind: ActivityType, given: dict, errors: dict) -> dict:
    details = {}
    for item in kind.fields.all():
        value = normalize_text(str(given.get(item.code) or ""))
        if item.required and not value:
            errors[item.code] = [_("Hãy nhập %(label)s.") % {"label": item.label.lower()}]
        elif value and item.kind == ActivityField.Kind.CHOICE and value not in item.options:
            errors[item.code] = [_("Hãy chọn một mục trong danh sách.")]
        elif value and item.kind == ActivityField.Kind.DATE and not _is_iso_day(value):
            errors[item.code] = [_("Ngày không hợp lệ.")]
        if value:
            details[item.code] = value
    return details


def _is_iso_day(value: str) -> bool:
    """A day written YYYY-MM-DD within the parser's years (core.params)."""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return False
    return FIRST_DAY <= day <= LAST_DAY


def _audit(actor, action: str, activity: Activity, before=None) -> None:
    audit_record(
        actor=actor,
        action=action,
        unit=activity.unit,
        target=f"{activity.activity_type.name}: {activity.title}"[:120],
        before=before,
        after=_snapshot(activity),
    )


def _snapshot(activity: Activity) -> dict:
    return {
        "type": activity.activity_type.code,
        "title": activity.title,
        "started_on": str(activity.started_on),
        "ended_on": str(activity.ended_on) if activity.ended_on else None,
        **{name: getattr(activity, name) for name in NUMBERS},
        "details": activity.details,
    }


@transaction.atomic
def activity_record(
    *, actor, unit: Unit, data: ActivityInput, today: date | None = None
) -> Activity:
    """Record one activity of a unit."""
    require_activity_keeper(actor, unit)
    values = _values(unit, data, today or timezone.localdate())
    activity = Activity(unit=unit, recorded_by=actor if actor.pk else None, **values)
    activity.full_clean()
    activity.save()
    _audit(actor, "activity.record", activity)
    return activity


@transaction.atomic
def activity_update(
    *, actor, activity: Activity, data: ActivityInput, today: date | None = None
) -> Activity:
    """Correct a recorded activity; the audit keeps what it said before."""
    require_activity_keeper(actor, activity.unit)
    before = snapshot(activity)
    values = _values(activity.unit, data, today or timezone.localdate())
    for name, value in values.items():
        setattr(activity, name, value)
    activity.full_clean()
    activity.save(update_fields=[*values, "updated_at"])
    audit_changes(
        actor=actor,
        action="activity.update",
        instance=activity,
        before=before,
        unit=activity.unit,
        target=f"{activity.activity_type.name}: {activity.title}",
    )
    return activity


@transaction.atomic
def target_set(
    *,
    actor,
    unit: Unit,
    metric: str,
    starts_on: date,
    ends_on: date,
    value: int,
    basis: str,
    note: str = "",
) -> Target:
    """Set (or change) a unit's target for a figure and a period."""
    require_target_setter(actor, unit)
    errors = {}
    if metric not in dict(metric_choices()):
        errors["metric"] = [_("Chỉ tiêu không có trong danh mục.")]
    if ends_on < starts_on:
        errors["ends_on"] = [_("Ngày kết thúc phải từ ngày bắt đầu trở đi.")]
    if not isinstance(value, int) or value < 0:
        errors["value"] = [_("Mức chỉ tiêu phải là số không âm.")]
    if basis not in Target.Basis.values:
        errors["basis"] = [_("Hãy chọn căn cứ giao chỉ tiêu.")]
    if errors:
        raise ValidationError(errors)
    period = {"unit": unit, "metric": metric, "starts_on": starts_on, "ends_on": ends_on}
    existing = Target.objects.filter(**period).first()
    before = snapshot(existing) if existing else {}
    target, created = Target.objects.update_or_create(
        **period, defaults={"value": value, "basis": basis, "note": normalize_text(note)}
    )
    audit_changes(
        actor=actor,
        action="target.set" if created else "target.change",
        instance=target,
        before=before,
        unit=unit,
        target=f"{metric} {format_date(starts_on)}–{format_date(ends_on)}",
    )
    return target
