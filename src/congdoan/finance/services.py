"""Writes of the union's money: the employer of a grassroots union, a month's dues and levy
returns, a remittance between levels, an upper level's closing of a month. Keyword-only, one
transaction each, scope checked, audited; a refusal (Vietnamese) writes nothing."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.accounts.scope import scope_for
from congdoan.audit.services import audit_changes, audit_record, snapshot
from congdoan.core.text import normalize_text
from congdoan.finance.checks import check_dues, check_tax_code
from congdoan.finance.models import (
    Direction,
    DuesReturn,
    Employer,
    ExemptReason,
    Kind,
    LevyReturn,
    MonthClosure,
    PaidTo,
    Remittance,
)
from congdoan.finance.rates import amount_due, table_rates
from congdoan.finance.selectors import closed_by, upper_of
from congdoan.org.models import Level, Unit

ABSURD = 10**13  # no union's month reaches ten thousand billion đồng


def _require_keeper(actor, unit: Unit) -> None:
    if not scope_for(actor).can_edit_members(unit):
        raise PermissionDenied(_("Bạn không có quyền ghi đoàn phí, kinh phí của đơn vị này."))


def _require_grassroots(unit: Unit) -> None:
    if unit.unit_type.level != Level.GRASSROOTS:
        raise ValidationError(_("Chỉ công đoàn cơ sở ghi đoàn phí, kinh phí công đoàn hằng tháng."))


def _first_day(month: date) -> date:
    return month.replace(day=1)


def _require_month(unit: Unit, month: date, today: date) -> None:
    if month > today.replace(day=1):
        raise ValidationError({"month": _("Không ghi nhận cho tháng chưa đến.")})
    closer = closed_by(unit, month)
    if closer is not None:
        raise ValidationError(
            {"month": _("Tháng %(month)s đã được %(upper)s khóa sổ; không ghi thêm, không sửa.")
             % {"month": f"{month:%m/%Y}", "upper": closer}}
        )  # fmt: skip


def _amount(value, field: str) -> int:
    if not isinstance(value, int) or value < 0:
        raise ValidationError({field: _("Số tiền không được âm.")})
    if value >= ABSURD:
        raise ValidationError({field: _("Số tiền quá lớn, xin kiểm tra lại.")})
    return value


def _target(unit: Unit, month: date) -> str:
    return f"{unit.code} {month:%m/%Y}"


@transaction.atomic
def employer_set(
    *, actor, unit: Unit, name: str, tax_code: str, insured_headcount: int
) -> Employer:
    """Keep (or change) the employer of a grassroots union: its name, tax code and the number
    of its workers in social insurance. The levy cannot be split without them."""
    _require_keeper(actor, unit)
    _require_grassroots(unit)
    errors = {}
    name = normalize_text(name or "")
    if not name:
        errors["name"] = _("Ghi tên đơn vị sử dụng lao động.")
    try:
        tax_code = check_tax_code(tax_code)
    except ValidationError as error:
        errors["tax_code"] = error.messages
    if not isinstance(insured_headcount, int) or not 0 <= insured_headcount < 10**7:
        errors["insured_headcount"] = _("Số lao động tham gia bảo hiểm xã hội không hợp lệ.")
    if errors:
        raise ValidationError(errors)
    employer = Employer.objects.select_for_update().filter(unit=unit).first()
    values = {"name": name, "tax_code": tax_code, "insured_headcount": insured_headcount}
    if employer is None:
        employer = Employer.objects.create(unit=unit, **values)
        audit_record(actor=actor, action="finance.employer_set", unit=unit, target=employer.name,
                     before={}, after=values, object_type="finance.employer")  # fmt: skip
        return employer
    before = snapshot(employer)
    for field, value in values.items():
        setattr(employer, field, value)
    employer.save()
    audit_changes(actor=actor, action="finance.employer_set", instance=employer, before=before,
                  unit=unit, target=employer.name)  # fmt: skip
    return employer


def _exempt(exempt: dict | None) -> dict[str, int]:
    kept = {}
    for reason, count in (exempt or {}).items():
        if reason not in ExemptReason.values:
            raise ValidationError({"exempt": _("Lý do miễn đoàn phí không có trong danh mục.")})
        if not isinstance(count, int) or count < 0:
            raise ValidationError({"exempt": _("Số đoàn viên được miễn không được âm.")})
        if count:
            kept[reason] = count
    return kept


@transaction.atomic
def dues_return_record(
    *, actor, unit: Unit, month: date, members_paying: int, salary_basis: int, collected: int,
    exempt: dict[str, int] | None = None, today: date | None = None,
) -> DuesReturn:  # fmt: skip
    """A grassroots union's dues of a month (recorded again, the month's return is corrected):
    never above the rate of that month on the recorded salary basis."""
    today = today or timezone.localdate()
    month = _first_day(month)
    _require_keeper(actor, unit)
    _require_grassroots(unit)
    salary_basis = _amount(salary_basis, "salary_basis")
    collected = _amount(collected, "collected")
    if not isinstance(members_paying, int) or members_paying < 0:
        raise ValidationError({"members_paying": _("Số đoàn viên đóng đoàn phí không được âm.")})
    exempt = _exempt(exempt)
    _require_month(unit, month, today)
    try:
        check_dues(month=month, salary_basis=salary_basis, collected=collected, today=today,
                   table=table_rates())  # fmt: skip
    except ValidationError as error:
        raise ValidationError({"collected": error.messages}) from error
    values = {"members_paying": members_paying, "exempt": exempt,
              "salary_basis": salary_basis, "collected": collected}  # fmt: skip
    return _keep_month(DuesReturn, actor, "finance.dues_record", unit, month, values)


def _keep_month(model, actor, action: str, unit: Unit, month: date, values: dict):
    """A union's return of a month, written or rewritten (locked while it is), audited with
    its old and new values."""
    found = model.objects.select_for_update().filter(unit=unit, month=month).first()
    if found is None:
        found = model.objects.create(unit=unit, month=month, **values)
        after = {k: str(v) if isinstance(v, date) else v for k, v in values.items()}
        audit_record(actor=actor, action=action, unit=unit, target=_target(unit, month),
                     before={}, after=after, object_type=model._meta.label_lower)  # fmt: skip
        return found
    before = snapshot(found)
    for field, value in values.items():
        setattr(found, field, value)
    found.save()
    audit_changes(actor=actor, action=action, instance=found, before=before, unit=unit,
                  target=_target(unit, month))  # fmt: skip
    return found


@transaction.atomic
def levy_return_record(
    *, actor, unit: Unit, month: date, payroll_basis: int, paid: int = 0,
    paid_on: date | None = None, paid_to: str = PaidTo.GRASSROOTS, today: date | None = None,
) -> LevyReturn:  # fmt: skip
    """The employer's levy of a month: the amount due is the rate of the month on the
    social-insurance payroll; the employer (tax code, headcount) is the union's kept one."""
    today = today or timezone.localdate()
    month = _first_day(month)
    _require_keeper(actor, unit)
    _require_grassroots(unit)
    employer = Employer.objects.filter(unit=unit).first()
    if employer is None or not employer.tax_code:
        raise ValidationError(
            _("Chưa có mã số thuế của đơn vị sử dụng lao động: ghi ở trang công đoàn cơ sở trước.")
        )
    payroll_basis = _amount(payroll_basis, "payroll_basis")
    paid = _amount(paid, "paid")
    if paid_to not in PaidTo.values:
        raise ValidationError({"paid_to": _("Chọn nơi nhận kinh phí.")})
    if paid and paid_on is None:
        raise ValidationError({"paid_on": _("Ghi ngày đơn vị sử dụng lao động đóng kinh phí.")})
    if paid_on is not None and (paid_on < month or paid_on > today):
        raise ValidationError({"paid_on": _("Ngày đóng phải từ đầu tháng đến hôm nay.")})
    _require_month(unit, month, today)
    due = amount_due(Kind.LEVY, month, payroll_basis, table_rates())
    if paid > due:
        raise ValidationError(
            {"paid": _("Kinh phí đã đóng vượt số phải đóng trên quỹ tiền lương.")}
        )
    values = {
        "employer_name": employer.name, "tax_code": employer.tax_code,
        "insured_headcount": employer.insured_headcount, "payroll_basis": payroll_basis,
        "due": due, "paid": paid, "paid_on": paid_on if paid else None, "paid_to": paid_to,
    }  # fmt: skip
    return _keep_month(LevyReturn, actor, "finance.levy_record", unit, month, values)


@transaction.atomic
def remittance_record(
    *, actor, unit: Unit, kind: str, direction: str, month: date, amount: int, on: date,
    today: date | None = None,
) -> Remittance:  # fmt: skip
    """Money passed for a grassroots union's month: its upper share sent up (recorded by the
    union) or its share passed down by the upper level (recorded by the upper level)."""
    today = today or timezone.localdate()
    month = _first_day(month)
    _require_grassroots(unit)
    upper = upper_of(unit)
    if upper is None:
        raise ValidationError(_("Công đoàn cơ sở này không có công đoàn cấp trên."))
    _require_keeper(actor, upper if direction == Direction.DOWN else unit)
    if kind not in Kind.values:
        raise ValidationError({"kind": _("Chọn đoàn phí hay kinh phí công đoàn.")})
    if direction not in Direction.values:
        raise ValidationError({"direction": _("Chọn chiều chuyển tiền.")})
    if not isinstance(amount, int) or amount <= 0:
        raise ValidationError({"amount": _("Số tiền chuyển phải là số dương.")})
    _amount(amount, "amount")
    if on < month or on > today:
        raise ValidationError({"on": _("Ngày chuyển phải từ đầu tháng đến hôm nay.")})
    _require_month(unit, month, today)
    made = Remittance.objects.create(unit=unit, upper=upper, kind=kind, direction=direction,
                                     month=month, amount=amount, on=on)  # fmt: skip
    audit_record(actor=actor, action="finance.remittance_record", unit=unit,
                 target=_target(unit, month), before={},
                 after={"kind": kind, "direction": direction, "amount": amount, "on": str(on),
                        "upper": upper.code},
                 object_type="finance.remittance")  # fmt: skip
    return made


@transaction.atomic
def month_close(*, actor, unit: Unit, month: date, today: date | None = None) -> MonthClosure:
    """An upper level closes a month: the returns and remittances of that month of every
    grassroots union under it stay as they are."""
    today = today or timezone.localdate()
    month = _first_day(month)
    _require_keeper(actor, unit)
    if unit.unit_type.level >= Level.GRASSROOTS:
        raise ValidationError(_("Chỉ công đoàn cấp trên khóa sổ tháng."))
    if month >= today.replace(day=1):
        raise ValidationError({"month": _("Chỉ khóa sổ tháng đã qua.")})
    if MonthClosure.objects.filter(unit=unit, month=month).exists():
        raise ValidationError({"month": _("Tháng này đã được khóa sổ.")})
    closure = MonthClosure.objects.create(unit=unit, month=month, closed_by=actor)
    audit_record(actor=actor, action="finance.month_close", unit=unit, target=_target(unit, month),
                 before={}, after={"month": f"{month:%m/%Y}"},
                 object_type="finance.monthclosure")  # fmt: skip
    return closure
