"""Checks on what a union records for dues and the levy; messages in Vietnamese."""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from congdoan.finance.rates import DUES, Table, amount_due

TAX_CODE = re.compile(r"\d{10}(-\d{3})?")


def check_tax_code(code: str) -> str:
    """An employer's tax code: 10 digits, or 10 digits, a dash and 3 (a branch)."""
    code = (code or "").strip()
    if not code:
        raise ValidationError(_("Chưa có mã số thuế của đơn vị sử dụng lao động."))
    if not TAX_CODE.fullmatch(code):
        raise ValidationError(
            _("Mã số thuế phải gồm 10 hoặc 13 chữ số, ví dụ 0101234567 hoặc 0101234567-001.")
        )
    return code


def check_dues(
    *, month: dt.date, salary_basis: int, collected: int, today: dt.date, table: Table | None = None
) -> None:
    """Refuse negative amounts, future months and dues above the legal rate for the basis."""
    if salary_basis < 0 or collected < 0:
        raise ValidationError(_("Số tiền không được âm."))
    if month.replace(day=1) > today.replace(day=1):
        raise ValidationError(_("Không ghi nhận cho tháng chưa đến."))
    if collected > amount_due(DUES, month, salary_basis, table):
        raise ValidationError(_("Đoàn phí thu vượt mức quy định trên quỹ lương đóng đoàn phí."))
