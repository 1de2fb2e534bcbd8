"""The figures a target (chỉ tiêu) can be set on: registry figures and every activity type's
count and numbers. Keys are stable: they are stored on targets and printed in the JSON report."""

from __future__ import annotations

from django.utils.translation import gettext as _

from congdoan.activities.models import ActivityType

REGISTRY_METRICS = [
    ("members.total", "Tổng số đoàn viên cuối kỳ"),
    ("members.admitted", "Kết nạp đoàn viên mới"),
    ("grassroots.established", "Thành lập công đoàn cơ sở mới"),
    ("referrals.introduced", "Giới thiệu đoàn viên ưu tú cho Đảng xem xét kết nạp"),
    ("referrals.admitted", "Đoàn viên được kết nạp vào Đảng"),
]


def activity_metrics(kind: ActivityType) -> list[tuple[str, str]]:
    """`activity.<type>.count` and one key for each number the type carries."""
    rows = [(f"activity.{kind.code}.count", _("%(type)s: số hoạt động") % {"type": kind.name})]
    rows += [
        (f"activity.{kind.code}.{field}", f"{kind.name}: {label.lower()}")
        for field, label in kind.measures
    ]
    return rows


def metric_choices(types: list[ActivityType] | None = None) -> list[tuple[str, str]]:
    if types is None:
        types = list(ActivityType.objects.filter(active=True))
    rows = [(key, _(label)) for key, label in REGISTRY_METRICS]
    for kind in types:
        rows += activity_metrics(kind)
    return rows
