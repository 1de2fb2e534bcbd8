"""The roll-up report computed from records, checked against hand counts (see world.py)."""

from datetime import date

import pytest

from congdoan.activities.models import Target
from congdoan.activities.services import target_set
from congdoan.org.models import Unit
from congdoan.org.selectors import State
from congdoan.reports.figures import build_report
from tests.reports.world import build_register, merge_district

YEAR_2020 = (date(2020, 1, 1), date(2020, 12, 31))


@pytest.fixture
def register(world):
    build_register(world)
    return world


def _activities(report) -> dict[str, tuple]:
    return {
        line.kind.code: (line.count, line.people, line.money, line.quantity)
        for line in report.activities
        if line.count
    }


def test_the_city_report_adds_up_its_subtree_for_the_year(register):
    report = build_report(register.hn, *YEAR_2020)
    assert report.state == State.NORMAL
    assert report.members.__dict__ == {"members": 3, "women": 1, "party_members": 1}
    assert (report.period.admitted, report.period.left) == (2, 0)
    assert report.grassroots_total == 3  # G1, G2, G3; G4 is in Đà Nẵng
    assert _activities(report) == {
        "dialogue": (1, 50, 0, 0),
        "care": (2, 40, 20_000_000, 0),
        "training": (1, 300, 0, 0),
        "initiative": (1, 0, 80_000_000, 0),
    }


def test_children_lines_roll_up_to_the_totals(register):
    report = build_report(register.hn, *YEAR_2020)
    lines = {line.code: line for line in report.children}
    assert set(lines) == {"DD", "TT"}  # Kim Liên did not exist in 2020
    dd, tt = lines["DD"], lines["TT"]
    assert (dd.members, dd.admitted, dd.grassroots, dd.activities) == (2, 2, 2, 4)
    assert (tt.members, tt.admitted, tt.grassroots, tt.activities) == (1, 0, 1, 1)
    assert sum(line.members for line in report.children) == report.members.members
    assert sum(line.activities for line in report.children) == sum(
        line.count for line in report.activities
    )


def test_a_grassroots_report_holds_only_its_own_records(register):
    report = build_report(register.g1, *YEAR_2020)
    assert report.members.members == 2 and report.period.admitted == 2
    assert _activities(report) == {"dialogue": (1, 50, 0, 0), "care": (1, 30, 15_000_000, 0)}
    assert report.children == []


def test_a_district_ended_in_2025_still_reports_2020_in_its_2020_structure(register):
    merge_district(register)
    report = build_report(Unit.objects.get(code="DD"), *YEAR_2020)
    assert report.state == State.NORMAL
    assert report.members.members == 2
    assert {line.code for line in report.children} == {"G1", "G2"}
    assert _activities(report)["training"] == (1, 300, 0, 0)


def test_a_district_reports_its_last_half_year_up_to_its_last_day(register):
    merge_district(register)
    report = build_report(Unit.objects.get(code="DD"), date(2025, 1, 1), date(2025, 12, 31))
    assert report.state == State.ENDED_DURING
    assert report.structure_day == date(2025, 6, 30)
    assert _activities(report) == {"initiative": (1, 0, 1_000_000, 0)}


def test_after_its_end_a_district_reports_nothing_and_says_so(register):
    merge_district(register)
    report = build_report(Unit.objects.get(code="DD"), date(2026, 1, 1), date(2026, 6, 30))
    assert report.state == State.ENDED_BEFORE
    assert report.members.members == 0 and report.children == []
    assert all(line.count == 0 for line in report.activities)


def test_activities_count_where_their_unit_stood_on_their_day(register):
    merge_district(register)
    kim_lien = build_report(register.kl, date(2025, 1, 1), date(2025, 12, 31))
    assert _activities(kim_lien) == {"initiative": (1, 0, 2_000_000, 0)}
    city = build_report(register.hn, date(2025, 1, 1), date(2025, 12, 31))
    assert _activities(city) == {"initiative": (2, 0, 3_000_000, 0)}


def test_a_unit_not_yet_established_says_so(register):
    report = build_report(register.kl, *YEAR_2020)
    assert report.state == State.NOT_YET


def test_targets_show_target_actual_and_percent(register):
    for metric, value in [("members.admitted", 4), ("activity.care.money", 40_000_000)]:
        target_set(
            actor=register.bob,
            unit=register.dd,
            metric=metric,
            starts_on=date(2020, 1, 1),
            ends_on=date(2020, 12, 31),
            value=value,
            basis=Target.Basis.COVENANT,
        )
    report = build_report(register.dd, *YEAR_2020)
    lines = {line.metric: line for line in report.targets}
    assert (lines["members.admitted"].actual, lines["members.admitted"].percent) == (2, 50.0)
    assert lines["activity.care.money"].actual == 20_000_000
    assert lines["activity.care.money"].percent == 50.0


def test_the_narrative_writes_money_once_in_words(register):
    from congdoan.reports.narrative import narrative

    text = narrative(build_report(register.dd, *YEAR_2020))
    assert "chăm lo (số lượt người được chăm lo 40, số tiền 20 triệu đồng)" in text
    assert "(đồng)" not in text
