"""Applications for the joining tests and walks."""

from __future__ import annotations

from datetime import date

from congdoan.joining.services import application_submit

VIETNAMESE = {
    "full_name": "Đỗ Thị Hồng Nhung",
    "gender": "F",
    "birth_date": date(2001, 4, 9),
    "citizen_id": "001301004567",
    "workplace": "Công ty TNHH Điện tử ASTI",
    "job": "Công nhân",
    "phone": "0912345678",
    "address": "",
    "nationality": "",
    "foreign_document": "",
    "contract_starts_on": None,
    "contract_ends_on": None,
}
FOREIGN = {
    **VIETNAMESE,
    "full_name": "Kim Min Jun",
    "gender": "M",
    "birth_date": date(1990, 2, 14),
    "citizen_id": "",
    "nationality": "Hàn Quốc",
    "foreign_document": "M12345678",
    "contract_starts_on": date(2025, 3, 1),
    "contract_ends_on": date(2027, 2, 28),
}


def apply(unit, **changes):
    return application_submit(unit=unit, data={**VIETNAMESE, **changes})
