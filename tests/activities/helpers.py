"""Helpers for activity tests: records through the service, as the pages make them."""

from datetime import date

from congdoan.activities.models import ActivityType
from congdoan.activities.services import ActivityInput, activity_record

TODAY = date(2026, 1, 15)


def record(actor, unit, type_code: str, on: date, title: str = "", **numbers):
    details = numbers.pop("details", None) or default_details(type_code)
    kind = ActivityType.objects.get(code=type_code)
    data = ActivityInput(
        activity_type=kind,
        title=title or f"{kind.name} {on:%d/%m/%Y}",
        started_on=on,
        details=details,
        **numbers,
    )
    return activity_record(actor=actor, unit=unit, data=data, today=TODAY)


def default_details(type_code: str) -> dict:
    """Just the required fields of each starting type."""
    return {
        "dialogue": {"form": "Định kỳ", "counterpart": "Ban Giám đốc"},
        "inspection": {"subject": "Thực hiện chế độ bảo hộ lao động"},
        "grievance": {"raised_by": "Tổ sản xuất số 2"},
        "care": {"programme": "Tết Sum vầy", "source": "Công đoàn"},
        "initiative": {"authors": "Nguyễn Văn An"},
    }.get(type_code, {})
