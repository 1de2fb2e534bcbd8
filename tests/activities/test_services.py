"""Recording activities and setting targets: what is kept, what is refused and why."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.activities.models import Activity, ActivityType, Target
from congdoan.activities.services import ActivityInput, activity_update, target_set
from congdoan.audit.models import AuditEntry
from tests.activities.helpers import TODAY, record


def test_a_care_programme_keeps_people_money_and_source(world):
    activity = record(
        world.dana,
        world.g1,
        "care",
        date(2025, 1, 20),
        people=120,
        money=60_000_000,
        details={"programme": "Tết Sum vầy", "source": "Doanh nghiệp"},
    )
    activity.refresh_from_db()
    assert (activity.people, activity.money, activity.quantity) == (120, 60_000_000, None)
    assert activity.details == {"programme": "Tết Sum vầy", "source": "Doanh nghiệp"}
    assert AuditEntry.objects.filter(action="activity.record", unit=world.g1).count() == 1


def test_numbers_a_type_does_not_carry_are_dropped(world):
    activity = record(world.dana, world.g1, "training", date(2025, 3, 1), people=40, money=5)
    assert (activity.people, activity.money) == (40, None)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"people": -1}, "people", "không được âm"),
        ({"money": -5}, "money", "không được âm"),
        ({"started_on": date(2026, 2, 1)}, "started_on", "tương lai"),
        ({"started_on": date(1990, 1, 1)}, "started_on", "không hoạt động"),
        ({"ended_on": date(2025, 1, 1)}, "ended_on", "từ ngày bắt đầu"),
        ({"details": {"programme": "Quà Trung thu", "source": "Công đoàn"}}, "programme", "chọn"),
        ({"details": {"programme": "Tết Sum vầy"}}, "source", "nguồn kinh phí"),
        ({"title": "   "}, "title", "nội dung"),
    ],
)
def test_bad_input_is_refused_with_a_reason_and_nothing_is_kept(world, changes, field, message):
    values = {"started_on": date(2025, 1, 20), "people": 3, "money": 1_000}
    values.update(changes)
    kind = ActivityType.objects.get(code="care")
    data = ActivityInput(
        activity_type=kind,
        title=values.pop("title", "Thăm hỏi"),
        details=values.pop("details", {"programme": "Tết Sum vầy", "source": "Công đoàn"}),
        **values,
    )
    from congdoan.activities.services import activity_record

    with pytest.raises(ValidationError) as error:
        activity_record(actor=world.dana, unit=world.g1, data=data, today=TODAY)
    assert message in " ".join(error.value.message_dict[field])
    assert not Activity.objects.exists()
    assert not AuditEntry.objects.filter(action="activity.record").exists()


def test_a_date_a_few_days_ahead_is_tolerated(world):
    activity = record(world.dana, world.g1, "training", date(2026, 1, 17), people=10)
    assert activity.pk


def test_a_unit_outside_the_scope_is_refused(world):
    with pytest.raises(PermissionDenied):
        record(world.dana, world.g3, "training", date(2025, 1, 1), people=5)
    with pytest.raises(PermissionDenied):
        record(world.frank, world.g1, "training", date(2025, 1, 1), people=5)
    assert not Activity.objects.exists()


def test_a_correction_is_audited_with_what_it_said_before(world):
    activity = record(world.dana, world.g1, "training", date(2025, 3, 1), people=40)
    data = ActivityInput(
        activity_type=activity.activity_type, title="Tập huấn ATVSLĐ", started_on=date(2025, 3, 2)
    )
    data.people = 45
    activity_update(actor=world.dana, activity=activity, data=data, today=TODAY)
    activity.refresh_from_db()
    assert (activity.people, activity.title) == (45, "Tập huấn ATVSLĐ")
    entry = AuditEntry.objects.get(action="activity.update")
    assert entry.before["people"] == 40 and entry.after["people"] == 45


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    people=st.one_of(st.none(), st.integers(-(10**6), 10**6)),
    money=st.one_of(st.none(), st.integers(-(10**12), 10**12)),
    offset=st.integers(-400, 400),
)
def test_any_numbers_and_dates_are_kept_whole_or_refused_whole(world, people, money, offset):
    from datetime import timedelta

    from congdoan.activities.services import activity_record

    before = Activity.objects.count()
    kind = ActivityType.objects.get(code="care")
    day = TODAY + timedelta(days=offset)
    data = ActivityInput(
        activity_type=kind,
        title="Thăm hỏi",
        started_on=day,
        people=people,
        money=money,
        details={"programme": "Khác", "source": "Khác"},
    )
    bad = (people or 0) < 0 or (money or 0) < 0 or offset > 3
    try:
        activity_record(actor=world.dana, unit=world.g1, data=data, today=TODAY)
    except ValidationError:
        assert bad
        assert Activity.objects.count() == before
    else:
        assert not bad
        assert Activity.objects.count() == before + 1


def test_targets_are_set_from_above_only(world):
    target = target_set(
        actor=world.charlie,
        unit=world.g1,
        metric="members.admitted",
        starts_on=date(2024, 1, 1),
        ends_on=date(2024, 12, 31),
        value=30,
        basis=Target.Basis.ASSIGNED,
    )
    assert target.value == 30
    with pytest.raises(PermissionDenied):
        target_set(
            actor=world.dana,
            unit=world.g1,
            metric="members.admitted",
            starts_on=date(2024, 1, 1),
            ends_on=date(2024, 12, 31),
            value=31,
            basis=Target.Basis.ASSIGNED,
        )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"metric": "members.danced"}, "metric"),
        ({"ends_on": date(2023, 1, 1)}, "ends_on"),
        ({"value": -1}, "value"),
        ({"basis": "rumour"}, "basis"),
    ],
)
def test_bad_targets_are_refused(world, changes, field):
    values = {
        "metric": "activity.dialogue.count",
        "starts_on": date(2024, 1, 1),
        "ends_on": date(2024, 12, 31),
        "value": 4,
        "basis": Target.Basis.COVENANT,
        **changes,
    }
    with pytest.raises(ValidationError) as error:
        target_set(actor=world.bob, unit=world.dd, **values)
    assert field in error.value.message_dict
    assert not Target.objects.exists()


def test_a_type_a_federation_adds_is_recorded_and_reported(world):
    from congdoan.activities.models import ActivityField
    from congdoan.reports.figures import build_report

    kind = ActivityType.objects.create(
        code="blood", name="Hiến máu tình nguyện", order=20, people_label="Số người hiến máu"
    )
    ActivityField.objects.create(activity_type=kind, code="place", label="Địa điểm", required=True)
    with pytest.raises(ValidationError) as error:
        record(world.dana, world.g1, "blood", date(2025, 4, 1), people=12)
    assert "địa điểm" in error.value.message_dict["place"][0]
    record(
        world.dana, world.g1, "blood", date(2025, 4, 1), people=12, details={"place": "Nhà văn hóa"}
    )
    report = build_report(world.hn, date(2025, 1, 1), date(2025, 12, 31))
    line = next(line for line in report.activities if line.kind.code == "blood")
    assert (line.count, line.people) == (1, 12)
    assert "activity.blood.people" in report.metrics()
