"""Demo activities: the events the seed articles tell (Workers' Month 2024, the online
dialogues of June 2024, Cầu Giấy's 312 initiatives in 2025), targets for 2024, and believable
everyday records around them. The city's Tết Ất Tỵ care is a care programme (demo/care.py).

The everyday records avoid the windows of the facts (2024 and the first half of 2025), so the
facts' figures stay exactly what the articles say.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.utils import timezone

from congdoan.activities.models import Activity, ActivityType, Target
from congdoan.demo.people import random_name
from congdoan.demo.users import demo_admin
from congdoan.members.models import Gender
from congdoan.org.models import Level, Unit, UnitVersion

ONLINE = {"form": "Trực tuyến", "counterpart": "Người lao động, qua báo Lao động Thủ đô"}
WORKERS_MONTH_2024 = [
    # unit, type, title, start, end, people, quantity, campaign
    (
        "LDLD-BAC-TU-LIEM",
        "event",
        "Khám sức khỏe miễn phí cho đoàn viên, người lao động",
        date(2024, 5, 20),
        date(2024, 5, 24),
        862,
        None,
        "Khám sức khỏe",
    ),
    (
        "LDLD-DONG-DA",
        "event",
        "Hội thao công nhân viên chức lao động quận Đống Đa năm 2024",
        date(2024, 5, 11),
        date(2024, 5, 19),
        2_000,
        130,
        "Hội thao, văn nghệ",
    ),
    (
        "LDLD-GIA-LAM",
        "training",
        "Tập huấn nghiệp vụ cho cán bộ công đoàn cơ sở",
        date(2024, 5, 16),
        None,
        300,
        None,
        "",
    ),
]
DIALOGUES_JUNE_2024 = [
    ("LDLD-HOANG-MAI", date(2024, 6, 20)),
    ("LDLD-CAU-GIAY", date(2024, 6, 14)),
    ("CD-XAY-DUNG", date(2024, 6, 12)),
]
CAU_GIAY_INITIATIVES_2025 = 312
EVERYDAY_YEARS = (2020, 2021, 2022, 2023)
EVERYDAY_TYPES = ["dialogue", "care", "event", "training", "legal-advice", "inspection"]


def build_activities(rng: random.Random) -> dict[str, int]:
    types = {kind.code: kind for kind in ActivityType.objects.all()}
    units = {
        unit.code: unit
        for unit in Unit.objects.filter(unit_type__level__lte=Level.UPPER).select_related(
            "unit_type"
        )
    }
    rows = _workers_month(types, units) + _dialogues(types, units)
    rows += _initiatives(rng, types)
    rows += _everyday(rng, types)
    recorder = demo_admin()
    for row in rows:
        row.recorded_by = recorder
    Activity.objects.bulk_create(rows, batch_size=2_000)
    _targets(units)
    return {"activities": len(rows)}


def _workers_month(types, units) -> list[Activity]:
    rows = []
    for code, kind, title, start, end, people, quantity, campaign in WORKERS_MONTH_2024:
        rows.append(
            Activity(
                unit=units[code],
                activity_type=types[kind],
                title=title,
                started_on=start,
                ended_on=end,
                people=people,
                quantity=quantity,
                details={"campaign": campaign} if campaign else {},
            )
        )
    return rows


def _dialogues(types, units) -> list[Activity]:
    return [
        Activity(
            unit=units[code],
            activity_type=types["dialogue"],
            title="Đối thoại trực tuyến với người lao động cùng báo Lao động Thủ đô",
            started_on=day,
            details=ONLINE,
        )
        for code, day in DIALOGUES_JUNE_2024
    ]


def _initiatives(rng: random.Random, types) -> list[Activity]:
    """312 initiatives applied in Cầu Giấy's grassroots unions in the first half of 2025."""
    under = [
        set(
            UnitVersion.objects.valid_on(day)
            .filter(parent__code="LDLD-CAU-GIAY", unit__unit_type__level=Level.GRASSROOTS)
            .values_list("unit_id", flat=True)
        )
        for day in (date(2025, 1, 2), date(2025, 6, 30))
    ]
    unions = list(Unit.objects.filter(pk__in=under[0] & under[1]).order_by("code"))
    rows = []
    for i in range(CAU_GIAY_INITIATIVES_2025):
        day = date(2025, 1, 2) + timedelta(days=rng.randint(0, 175))
        family, middle, given = random_name(rng, rng.choice([Gender.MALE, Gender.FEMALE]))
        rows.append(
            Activity(
                unit=unions[i % len(unions)],
                activity_type=types["initiative"],
                title=f"Sáng kiến cải tiến số {i + 1:03d}/2025",
                started_on=day,
                money=rng.randint(20, 400) * 1_000_000,
                details={"authors": f"{family} {middle} {given}", "applied_on": day.isoformat()},
            )
        )
    return rows


def _everyday(rng: random.Random, types) -> list[Activity]:
    """A few records a year per grassroots union in 2020–2023 and since the reform."""
    unions = list(
        Unit.objects.filter(unit_type__level=Level.GRASSROOTS).only(
            "pk", "established_on", "ended_on"
        )
    )
    today = timezone.localdate()
    windows = [(date(y, 1, 1), date(y, 12, 31)) for y in EVERYDAY_YEARS]
    windows.append((date(2025, 7, 1), today - timedelta(days=1)))
    rows = []
    for unit in unions:
        for start, end in windows:
            for _n in range(rng.randint(1, 3)):
                day = start + timedelta(days=rng.randint(0, (end - start).days))
                if unit.exists_on(day):
                    rows.append(_everyday_row(rng, types[rng.choice(EVERYDAY_TYPES)], unit, day))
    return rows


def _everyday_row(rng: random.Random, kind: ActivityType, unit: Unit, day: date) -> Activity:
    details = {
        "dialogue": {"form": rng.choice(["Định kỳ", "Đột xuất"]), "counterpart": "Ban Giám đốc"},
        "care": {
            "programme": rng.choice(["Mái ấm Công đoàn", "Thăm hỏi ốm đau"]),
            "source": "Công đoàn",
        },
        "inspection": {"subject": "Thực hiện chế độ, chính sách đối với người lao động"},
    }.get(kind.code, {})
    return Activity(
        unit=unit,
        activity_type=kind,
        title=f"{kind.name} {day.month:02d}/{day.year}",
        started_on=day,
        people=rng.randint(10, 200) if kind.people_label else None,
        money=rng.randint(2, 60) * 1_000_000 if kind.money_label else None,
        quantity=rng.randint(1, 10) if kind.quantity_label else None,
        details=details,
    )


def _targets(units) -> None:
    """Targets for 2024 the city federation gave two districts (from the 2024 covenant)."""
    year = (date(2024, 1, 1), date(2024, 12, 31))
    for code, metric, value in [
        ("LDLD-DONG-DA", "activity.event.people", 1_800),
        ("LDLD-BAC-TU-LIEM", "activity.event.people", 1_000),
        ("LDLD-CAU-GIAY", "activity.dialogue.count", 2),
    ]:
        Target.objects.create(
            unit=units[code],
            metric=metric,
            starts_on=year[0],
            ends_on=year[1],
            value=value,
            basis=Target.Basis.COVENANT,
        )
